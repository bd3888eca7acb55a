package io.attune.core.ingest;

import io.attune.core.consent.ConsentOutcome;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadPrivacy;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.ScoringGate;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Records a consent change entered through the API in the ledger of the lead it names — of the
 * surviving lead when that id was merged away. Changes carried by events are recorded by
 * {@link RecordEvent} instead, with the event.
 *
 * <p>A revocation that leaves a consumer without the consent its score needs (STATE-02/05) clears
 * the score at once, not at the lead's next event. A grant lets the lead's next events count; it
 * does not turn what was collected before it into a score.
 */
public final class RecordConsent {
    private final LeadBook book;
    private final ScoringGate gate;

    public RecordConsent(LeadBook book, ScoringGate gate) {
        this.book = book;
        this.gate = gate;
    }

    public ConsentOutcome record(LeadId lead, ConsentRecord change) {
        Optional<LeadId> live = book.survivorOf(lead);
        if (live.isEmpty()) {
            return new ConsentOutcome.UnknownLead();
        }
        book.record(live.get(), change);
        book.lead(live.get()).ifPresent(found -> recheck(found, change));
        return new ConsentOutcome.Recorded(live.get(), change);
    }

    private void recheck(LeadState lead, ConsentRecord change) {
        Instant at = change.capturedAt().isAfter(lead.lastSeen()) ? change.capturedAt() : lead.lastSeen();
        LeadPrivacy now = gate.recheck(lead.segment(), lead.traits(), lead.privacy(), () -> book.consents(lead.id()),
                at);
        if (now.scoringWithheld() && !lead.privacy().scoringWithheld()) {
            book.save(lead.withPrivacy(now).withScore(lead.score().cleared()).withRoles(Set.of()));
        }
    }
}
