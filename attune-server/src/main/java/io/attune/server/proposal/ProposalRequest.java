package io.attune.server.proposal;

import io.attune.core.model.ModelVersion;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a proposal is asked for: the base version, the as-of time (outcomes after it are not known;
 * leads without an outcome are read as of it), whether an MQL older than {@code staleMqlDays} with no
 * SQL counts as negative, whether the draft carries a {@code learned:} section worth {@code learnedPoints},
 * and the seed of the held-out split and the fit.
 */
public record ProposalRequest(ModelVersion base, Instant asOf, OptionalInt staleMqlDays, boolean includeLearned,
        OptionalInt learnedPoints, long seed) {
    public static final int MAX_LEARNED_POINTS = 1000;

    public ProposalRequest {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(staleMqlDays, "staleMqlDays");
        Objects.requireNonNull(learnedPoints, "learnedPoints");
        if (staleMqlDays.isPresent() && staleMqlDays.getAsInt() < 1) {
            throw new IllegalArgumentException("staleMqlDays must be at least 1");
        }
        if (learnedPoints.isPresent() && (learnedPoints.getAsInt() < 1
                || learnedPoints.getAsInt() > MAX_LEARNED_POINTS)) {
            throw new IllegalArgumentException("learnedPoints must be between 1 and " + MAX_LEARNED_POINTS);
        }
    }
}
