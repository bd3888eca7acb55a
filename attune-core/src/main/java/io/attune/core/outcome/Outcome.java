package io.attune.core.outcome;

import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Money;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CRM reported about a lead, kept for model evaluation: the status it reached, when, the
 * deal amount if any, the CRM's record id, where the update came from, and who sent it when. Times
 * are kept to the millisecond.
 */
public record Outcome(LeadId lead, OutcomeStatus status, Instant occurredAt, Optional<Money> amount,
        Optional<CrmRecordId> crmId, OutcomeSource source, Actor recordedBy, Instant recordedAt) {

    public Outcome {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(crmId, "crmId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedBy, "recordedBy");
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MILLIS);
        recordedAt = Objects.requireNonNull(recordedAt, "recordedAt").truncatedTo(ChronoUnit.MILLIS);
    }

    /** The same lead, status, time and CRM record id make the same outcome, whatever else differs. */
    public OutcomeId id() {
        return OutcomeId.of(lead, status, occurredAt, crmId);
    }
}
