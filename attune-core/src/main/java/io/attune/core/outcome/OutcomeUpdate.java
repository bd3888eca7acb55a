package io.attune.core.outcome;

import io.attune.core.lifecycle.Bant;
import io.attune.core.lifecycle.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One status update from the CRM, read and validated at the edge. An {@code sql} update may carry the
 * budget, authority, need and timeline sales confirmed; without them the lead's stage cannot honestly
 * become SQL, and only the outcome is kept.
 */
public record OutcomeUpdate(LeadReference lead, OutcomeStatus status, Instant at, Optional<Money> amount,
        Optional<CrmRecordId> crmId, Optional<Bant> bant) {

    public OutcomeUpdate {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(crmId, "crmId");
        Objects.requireNonNull(bant, "bant");
        if (bant.isPresent() && status != OutcomeStatus.SQL) {
            throw new IllegalArgumentException("budget, authority, need and timeline belong to an sql update only");
        }
    }
}
