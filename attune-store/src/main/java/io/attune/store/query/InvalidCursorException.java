package io.attune.store.query;

/** A pagination cursor that this store did not issue. */
public final class InvalidCursorException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String cursor) {
        super("the cursor is not one this API issued");
    }
}
