package io.attune.core.outcome;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Which stored outcomes to list: those that occurred at or after {@code since}, of one status. */
public record OutcomeFilter(Optional<Instant> since, Optional<OutcomeStatus> status) {
    public static final OutcomeFilter ALL = new OutcomeFilter(Optional.empty(), Optional.empty());

    public OutcomeFilter {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(status, "status");
    }
}
