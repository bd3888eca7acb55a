package io.attune.server.drift;

import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.learn.metric.DecileLift;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A segment's score drift over a window of weeks under its active model: each week's score
 * distribution and conversion, conversion by score decile over the window, and how the latest week
 * compares with the weeks before it (the baseline).
 *
 * @param psi the latest week's population stability index against the baseline; absent when either has no leads
 * @param calibrationError absent unless both have leads and some baseline lead converted
 */
public record Drift(Segment segment, ModelVersion model, LocalDate from, LocalDate latest, List<Week> weeks,
        List<DecileLift.Decile> deciles, Optional<Double> psi, Optional<Double> calibrationError, DriftBounds bounds,
        List<Alert> alerts) {

    /** Scores are put in bins of this many points, as backtests do. */
    public static final int BIN = 10;
    public static final int BINS = 21;

    public Drift {
        weeks = List.copyOf(weeks);
        deciles = List.copyOf(deciles);
        alerts = List.copyOf(alerts);
    }

    /** One week's new leads: how many, their scores (bins of {@link #BIN} points; the last open) and conversion. */
    public record Week(LocalDate week, int leads, double meanScore, int[] distribution, int converted) {
        public double conversionRate() {
            return leads == 0 ? 0 : (double) converted / leads;
        }
    }

    /** What moved beyond its bound. */
    public enum Kind { DISTRIBUTION, CALIBRATION }

    public record Alert(Kind kind, double value, double bound, String message) {
    }
}
