package io.attune.core.condition;

/** A condition that could not be evaluated over the facts it was given. */
public final class ConditionFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConditionFailure(String message) {
        super(message, null, false, false);
    }
}
