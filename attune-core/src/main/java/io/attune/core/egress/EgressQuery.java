package io.attune.core.egress;

import io.attune.core.handoff.DestinationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Which recorded egress decisions to list: of one destination, of one outcome, decided at or after a time. */
public record EgressQuery(Optional<DestinationId> destination, Optional<EgressRecord.Outcome> outcome,
        Optional<Instant> since) {
    public static final EgressQuery ALL = new EgressQuery(Optional.empty(), Optional.empty(), Optional.empty());

    public EgressQuery {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(since, "since");
    }
}
