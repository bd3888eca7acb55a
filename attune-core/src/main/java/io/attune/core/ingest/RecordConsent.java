package io.attune.core.ingest;

import io.attune.core.consent.ConsentOutcome;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.identity.LeadId;
import java.util.Optional;

/**
 * Records a consent change entered through the API in the ledger of the lead it names — of the
 * surviving lead when that id was merged away. Changes carried by events are recorded by
 * {@link RecordEvent} instead, with the event.
 */
public final class RecordConsent {
    private final LeadBook book;

    public RecordConsent(LeadBook book) {
        this.book = book;
    }

    public ConsentOutcome record(LeadId lead, ConsentRecord change) {
        Optional<LeadId> live = book.survivorOf(lead);
        if (live.isEmpty()) {
            return new ConsentOutcome.UnknownLead();
        }
        book.record(live.get(), change);
        return new ConsentOutcome.Recorded(live.get(), change);
    }
}
