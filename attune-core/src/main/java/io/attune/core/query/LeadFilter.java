package io.attune.core.query;

import io.attune.core.lifecycle.Stage;
import io.attune.core.model.Segment;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which leads to list. Score bounds apply to the score at the time of the query (fit plus
 * engagement decayed to then); {@code updatedSince} to the receive time of the lead's last event.
 */
public record LeadFilter(Optional<Stage> stage, Optional<Segment> segment, OptionalDouble minScore,
        OptionalDouble maxScore, Optional<Instant> updatedSince, Optional<String> accountId) {

    public static final LeadFilter ALL = new LeadFilter(Optional.empty(), Optional.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), Optional.empty(), Optional.empty());

    public LeadFilter {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(minScore, "minScore");
        Objects.requireNonNull(maxScore, "maxScore");
        Objects.requireNonNull(updatedSince, "updatedSince");
        Objects.requireNonNull(accountId, "accountId");
    }
}
