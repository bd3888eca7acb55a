package io.attune.server.drift;

import io.attune.learn.metric.DecileLift;
import java.util.List;
import java.util.Locale;

/** The JSON shape of a {@link Drift}, shared by {@code GET /api/drift} and {@code attune drift --format json}. */
public final class DriftBodies {
    private DriftBodies() {
    }

    public record Body(String segment, String model, String from, String latest, int scoredAtAgeDays,
            List<WeekBody> weeks, List<DecileBody> deciles, Double psi, Double calibrationError, Bounds bounds,
            List<AlertBody> alerts) {
    }

    public record WeekBody(String week, int leads, double meanScore, int[] distribution, int converted,
            double conversionRate) {
    }

    public record DecileBody(int decile, int leads, int converted, double conversionRate, double lift) {
    }

    public record Bounds(double psi, double calibrationError) {
    }

    public record AlertBody(String kind, double value, double bound, String message) {
    }

    public static Body of(Drift drift) {
        return new Body(drift.segment().wireName(), drift.model().toString(), drift.from().toString(),
                drift.latest().toString(), (int) DriftSampler.AGE.toDays(),
                drift.weeks().stream().map(week -> new WeekBody(week.week().toString(), week.leads(), week.meanScore(),
                        week.distribution(), week.converted(), week.conversionRate())).toList(),
                drift.deciles().stream().map(DriftBodies::decile).toList(), drift.psi().orElse(null),
                drift.calibrationError().orElse(null), new Bounds(drift.bounds().psi(),
                        drift.bounds().calibrationError()),
                drift.alerts().stream().map(alert -> new AlertBody(alert.kind().name().toLowerCase(Locale.ROOT),
                        alert.value(), alert.bound(), alert.message())).toList());
    }

    private static DecileBody decile(DecileLift.Decile decile) {
        return new DecileBody(decile.decile(), decile.rows(), decile.positives(), decile.conversionRate(),
                decile.lift());
    }
}
