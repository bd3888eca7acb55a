package io.attune.core.rights;

import io.attune.core.handoff.DestinationId;
import java.util.Objects;
import java.util.Optional;

/**
 * A destination that was sent a deletion request: how its delivery stands, and whether it has
 * confirmed the deletion (or been waived). Settled recipients are done with.
 */
public record Recipient(DestinationId destination, Delivery delivery, Optional<Settlement> settlement) {
    public Recipient {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(settlement, "settlement");
    }

    public boolean settled() {
        return settlement.isPresent();
    }

    /** {@code confirmed}, {@code waived}, or how the delivery stands. */
    public String state() {
        return settlement.map(done -> done instanceof Settlement.Confirmed ? "confirmed" : "waived")
                .orElseGet(delivery::wireName);
    }
}
