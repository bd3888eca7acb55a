package io.attune.server.backtest;

import io.attune.core.identity.LeadId;
import io.attune.core.model.ModelVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * A candidate model replayed beside the active one over the same stored events, up to a cut-off
 * ({@code to}: scores are "as of" it). {@code from} bounds the weeks MQLs are counted in.
 * {@code reachedSql} holds the leads with an outcome of SQL or beyond (empty when none is known).
 */
public record Backtest(ModelVersion active, ModelVersion candidate, Optional<Instant> from, Instant to, int leads,
        Side activeSide, Side candidateSide, List<Change> newlyQualifying, List<Change> noLongerQualifying,
        Optional<Metrics> outcomes, Map<LeadId, Pair> byLead, Set<LeadId> reachedSql) {

    /** Points per bin of the score distribution; the last bin takes everything above. */
    public static final int BIN = 10;
    public static final int BINS = 21;

    /** One model's results: MQLs per ISO week (by its Monday, UTC) and the score distribution at the cut-off. */
    public record Side(ModelVersion model, int mqls, SortedMap<LocalDate, Integer> mqlsPerWeek, int[] distribution) {
    }

    /** A lead that qualifies under one model and not the other, with that model's top reasons. */
    public record Change(LeadId lead, double activeScore, double candidateScore, Optional<Instant> qualifiedAt,
            List<LeadRun.Reason> reasons) {
    }

    /** Both models' metrics over the leads with known outcomes. */
    public record Metrics(OutcomeMetrics active, OutcomeMetrics candidate) {
    }

    /** One lead under both models. */
    public record Pair(LeadRun active, LeadRun candidate) {
    }
}
