package io.attune.core.lifecycle;

import io.attune.core.lead.LeadState;
import java.util.Objects;

/** What a sales action came to. */
public sealed interface ActionOutcome permits ActionOutcome.Applied, ActionOutcome.Refused, ActionOutcome.UnknownLead {

    /** The lead moved; {@code lead} is its new state. */
    record Applied(LeadState lead, Transition transition) implements ActionOutcome {
        public Applied {
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(transition, "transition");
        }
    }

    /** The move is not allowed from the lead's stage; nothing changed. */
    record Refused(LeadState lead, String reason) implements ActionOutcome {
        public Refused {
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** No such lead in the workspace. */
    record UnknownLead() implements ActionOutcome {
    }
}
