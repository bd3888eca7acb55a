package io.attune.core.consent;

import io.attune.core.identity.LeadId;
import java.util.Objects;

/** What entering a consent change came to. */
public sealed interface ConsentOutcome permits ConsentOutcome.Recorded, ConsentOutcome.UnknownLead {

    /** The change is in the ledger of {@code lead} (the survivor, when the id asked for was merged away). */
    record Recorded(LeadId lead, ConsentRecord record) implements ConsentOutcome {
        public Recorded {
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(record, "record");
        }
    }

    /** No lead has this id in the workspace; nothing was recorded. */
    record UnknownLead() implements ConsentOutcome {
    }
}
