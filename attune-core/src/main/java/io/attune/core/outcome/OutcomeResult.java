package io.attune.core.outcome;

import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.Transition;
import java.util.List;
import java.util.Objects;

/** What became of one update. */
public sealed interface OutcomeResult permits OutcomeResult.Stored, OutcomeResult.Duplicate, OutcomeResult.UnknownLead {

    /** The outcome was stored, and the lead's stage moved or (with the reason) did not. */
    record Stored(Outcome outcome, StageChange stage) implements OutcomeResult {
        public Stored {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(stage, "stage");
        }
    }

    /** The same update (lead, status, time and CRM record id) was stored before; nothing changed. */
    record Duplicate(OutcomeId id, LeadId lead) implements OutcomeResult {
        public Duplicate {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(lead, "lead");
        }
    }

    /** No lead of the workspace matches the reference; nothing was stored. {@code reference} is its kind only. */
    record UnknownLead(String reference) implements OutcomeResult {
        public UnknownLead {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** What an outcome did to the lead's lifecycle stage. */
    sealed interface StageChange permits Moved, Unchanged {
    }

    /**
     * The stage moved, in one transition or, for a win reported while the lead was an SQL, two: the
     * opportunity the win implies, then the win.
     */
    record Moved(List<Transition> transitions) implements StageChange {
        public Moved {
            transitions = List.copyOf(transitions);
            if (transitions.isEmpty()) {
                throw new IllegalArgumentException("a move has at least one transition");
            }
        }

        public Stage from() {
            return transitions.get(0).from();
        }

        public Stage to() {
            return transitions.get(transitions.size() - 1).to();
        }
    }

    /** The stage stayed as it was, for {@code reason}; the outcome is stored all the same. */
    record Unchanged(String reason) implements StageChange {
        public Unchanged {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
