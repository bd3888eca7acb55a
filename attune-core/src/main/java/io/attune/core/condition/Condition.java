package io.attune.core.condition;

/** A compiled rule condition. */
public interface Condition {
    Condition ALWAYS = new Condition() {
        @Override
        public boolean test(Facts facts) {
            return true;
        }

        @Override
        public String source() {
            return "true";
        }
    };

    /**
     * Evaluates the condition.
     *
     * @throws ConditionFailure when the expression cannot be evaluated over these facts (a missing
     *     key, a value of the wrong type); the caller reports it, it is never silently false
     */
    boolean test(Facts facts);

    /** The CEL text this condition was compiled from. */
    String source();
}
