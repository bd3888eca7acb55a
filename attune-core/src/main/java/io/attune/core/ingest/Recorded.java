package io.attune.core.ingest;

import io.attune.core.crisis.Screening;
import io.attune.core.event.MessageId;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Transition;
import io.attune.core.scoring.Contribution;
import io.attune.core.scoring.RuleFailure;
import java.util.List;
import java.util.Objects;

/** What recording one message did. */
public sealed interface Recorded permits Recorded.Accepted, Recorded.Duplicate {

    MessageId message();

    /**
     * The message was new: it is in the log and the lead's state reflects it. {@code screening} is
     * what crisis screening found in its free text (never the text).
     */
    record Accepted(MessageId message, LeadId lead, List<LeadId> merged, List<Contribution> contributions,
            List<Transition> transitions, List<RuleFailure> failures, Screening screening) implements Recorded {
        public Accepted(MessageId message, LeadId lead, List<LeadId> merged, List<Contribution> contributions,
                List<Transition> transitions, List<RuleFailure> failures) {
            this(message, lead, merged, contributions, transitions, failures, Screening.NONE);
        }

        public Accepted {
            Objects.requireNonNull(screening, "screening");
            merged = List.copyOf(merged);
            contributions = List.copyOf(contributions);
            transitions = List.copyOf(transitions);
            failures = List.copyOf(failures);
        }
    }

    /** A message with this id was recorded before; nothing changed. */
    record Duplicate(MessageId message) implements Recorded {
    }
}
