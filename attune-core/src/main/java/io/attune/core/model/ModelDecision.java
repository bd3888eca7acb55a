package io.attune.core.model;

import java.util.Objects;

/** Whether a change to a model version may happen: to which status, or why not. */
public sealed interface ModelDecision permits ModelDecision.Allowed, ModelDecision.Refused {

    record Allowed(ModelStatus to) implements ModelDecision {
        public Allowed {
            Objects.requireNonNull(to, "to");
        }
    }

    /** {@code reason} says what to do instead; it names statuses and roles, never a person. */
    record Refused(Refusal refusal, String reason) implements ModelDecision {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(reason, "reason");
        }
    }

    enum Refusal {
        /** The version is not in a status the change starts from. */
        WRONG_STATUS,
        /** Only a key with the approver role may approve. */
        NOT_AN_APPROVER,
        /** Nobody approves their own model. */
        OWN_MODEL
    }
}
