package io.attune.core.lead;

import io.attune.core.lifecycle.Bant;
import io.attune.core.lifecycle.Money;
import io.attune.core.lifecycle.RejectionReason;
import io.attune.core.model.Decay;
import io.attune.core.scoring.DecayingValue;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What sales did with a lead: the BANT it confirmed, its last rejection, deal amounts, and the
 * recycle. A recycle keeps part of the engagement by subtracting a discount that decays exactly as
 * the engagement does, so the lead's event-derived score stays intact (and replayable) while what
 * counts for qualification is reset.
 */
public record SalesRecord(Optional<Bant> bant, Optional<RejectionReason> rejection, Optional<String> note,
        Optional<Instant> recycledAt, DecayingValue recycleDiscount, Optional<Money> opportunity,
        Optional<Money> won) {

    public static final SalesRecord NONE = new SalesRecord(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), DecayingValue.ZERO, Optional.empty(), Optional.empty());

    public SalesRecord {
        Objects.requireNonNull(bant, "bant");
        Objects.requireNonNull(rejection, "rejection");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(recycledAt, "recycledAt");
        Objects.requireNonNull(recycleDiscount, "recycleDiscount");
        Objects.requireNonNull(opportunity, "opportunity");
        Objects.requireNonNull(won, "won");
    }

    /** What the recycle discount takes off the engagement at {@code atMillis}. */
    public double discountAt(long atMillis, Decay decay) {
        return recycleDiscount.at(atMillis, decay);
    }

    public SalesRecord accepted(Bant confirmed) {
        return new SalesRecord(Optional.of(confirmed), rejection, note, recycledAt, recycleDiscount, opportunity, won);
    }

    public SalesRecord rejected(RejectionReason reason, Optional<String> why) {
        return new SalesRecord(bant, Optional.of(reason), why, recycledAt, recycleDiscount, opportunity, won);
    }

    public SalesRecord recycled(Instant at, DecayingValue discount) {
        return new SalesRecord(bant, rejection, note, Optional.of(at), discount, opportunity, won);
    }

    public SalesRecord withOpportunity(Optional<Money> amount) {
        return new SalesRecord(bant, rejection, note, recycledAt, recycleDiscount, amount.or(() -> opportunity), won);
    }

    public SalesRecord withWon(Optional<Money> amount) {
        return new SalesRecord(bant, rejection, note, recycledAt, recycleDiscount, opportunity, amount.or(() -> won));
    }
}
