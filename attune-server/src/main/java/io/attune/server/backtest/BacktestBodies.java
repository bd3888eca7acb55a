package io.attune.server.backtest;

import io.attune.learn.metric.DecileLift;
import io.attune.server.http.Numbers;
import io.attune.server.jobs.BackgroundJobs;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the backtest endpoints. Scores are rounded as everywhere in the API. */
public final class BacktestBodies {
    /** The leads listed per direction; the counts are complete. */
    static final int LISTED = 100;

    private BacktestBodies() {
    }

    /** {@code result} is present once {@code status} is {@code done}; {@code error} when it is {@code failed}. */
    public record Job(String id, String status, long processed, long total, Result result, String error) {
        static Job of(BackgroundJobs.Status<Backtest> status) {
            return new Job(status.id(), status.state(), status.processed(), status.total(),
                    status.result().map(BacktestBodies::result).orElse(null), status.error().orElse(null));
        }
    }

    public record Week(LocalDate week, int mqls) {
    }

    /** Leads whose score at the cut-off fell in {@code [from, to)}; the last bin has no upper end ({@code to} null). */
    public record Bin(int from, Integer to, int leads) {
    }

    public record Side(String model, int mqls, List<Week> mqlsPerWeek, List<Bin> distribution) {
    }

    public record Reason(String rule, double points) {
    }

    public record Change(String lead, double activeScore, double candidateScore, Instant qualifiedAt,
            List<Reason> reasons) {
    }

    public record Decile(int decile, int leads, int sqls, double sqlRate, double lift) {
    }

    /** {@code rocAuc} is null when every lead or no lead reached SQL. */
    public record Metrics(int leads, int mqls, int sqls, int won, double precision, double recall, double mqlToSqlRate,
            double mqlToWonRate, Double rocAuc, List<Decile> liftByDecile) {
    }

    public record Outcomes(Metrics active, Metrics candidate) {
    }

    /** {@code outcomes} is null when no outcome is known in the workspace. */
    public record Result(String active, String candidate, Instant from, Instant to, int leads, Side activeModel,
            Side candidateModel, int newlyQualifyingCount, List<Change> newlyQualifying, int noLongerQualifyingCount,
            List<Change> noLongerQualifying, Outcomes outcomes) {
    }

    public static Result result(Backtest backtest) {
        return new Result(backtest.active().toString(), backtest.candidate().toString(), backtest.from().orElse(null),
                backtest.to(), backtest.leads(), side(backtest.activeSide()), side(backtest.candidateSide()),
                backtest.newlyQualifying().size(), changes(backtest.newlyQualifying()),
                backtest.noLongerQualifying().size(), changes(backtest.noLongerQualifying()),
                backtest.outcomes().map(m -> new Outcomes(metrics(m.active()), metrics(m.candidate()))).orElse(null));
    }

    private static Side side(Backtest.Side side) {
        List<Week> weeks = new ArrayList<>();
        for (Map.Entry<LocalDate, Integer> week : side.mqlsPerWeek().entrySet()) {
            weeks.add(new Week(week.getKey(), week.getValue()));
        }
        List<Bin> bins = new ArrayList<>();
        for (int bin = 0; bin < side.distribution().length; bin++) {
            boolean last = bin == side.distribution().length - 1;
            bins.add(new Bin(bin * Backtest.BIN, last ? null : (bin + 1) * Backtest.BIN, side.distribution()[bin]));
        }
        return new Side(side.model().toString(), side.mqls(), weeks, bins);
    }

    private static List<Change> changes(List<Backtest.Change> changes) {
        return changes.stream().limit(LISTED).map(change -> new Change(change.lead().value(),
                Numbers.round(change.activeScore()), Numbers.round(change.candidateScore()),
                change.qualifiedAt().orElse(null), change.reasons().stream()
                        .map(reason -> new Reason(reason.rule(), Numbers.round(reason.points()))).toList())).toList();
    }

    private static Metrics metrics(OutcomeMetrics metrics) {
        return new Metrics(metrics.leads(), metrics.mqls(), metrics.sqls(), metrics.won(), metrics.precision(),
                metrics.recall(), metrics.mqlToSqlRate(), metrics.mqlToWonRate(), metrics.rocAuc().orElse(null),
                metrics.lift().stream().map(BacktestBodies::decile).toList());
    }

    private static Decile decile(DecileLift.Decile decile) {
        return new Decile(decile.decile(), decile.rows(), decile.positives(), decile.conversionRate(), decile.lift());
    }
}
