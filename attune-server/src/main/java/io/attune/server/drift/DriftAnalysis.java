package io.attune.server.drift;

import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.learn.drift.CalibrationError;
import io.attune.learn.drift.PopulationStability;
import io.attune.learn.metric.DecileLift;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns the window's lead samples into a {@link Drift}: pure arithmetic, no store. */
public final class DriftAnalysis {
    private DriftAnalysis() {
    }

    /**
     * @param from the Monday of the first week of the window
     * @param latest the Monday of its last week; the weeks from {@code from} up to the one before are the baseline
     * @param samples the leads first seen in the window
     */
    public static Drift of(Segment segment, ModelVersion model, LocalDate from, LocalDate latest,
            List<LeadSample> samples, DriftBounds bounds) {
        if (!from.isBefore(latest)) {
            throw new IllegalArgumentException("the window needs at least one baseline week before the latest");
        }
        List<LeadSample> baseline = samples.stream().filter(sample -> sample.week().isBefore(latest)).toList();
        List<LeadSample> recent = samples.stream().filter(sample -> sample.week().equals(latest)).toList();
        Optional<Double> psi = baseline.isEmpty() || recent.isEmpty() ? Optional.empty()
                : Optional.of(PopulationStability.of(scores(baseline), scores(recent)));
        Optional<Double> calibration = psi.isEmpty() || baseline.stream().noneMatch(LeadSample::converted)
                ? Optional.empty()
                : Optional.of(CalibrationError.of(scores(baseline), converted(baseline), scores(recent),
                        converted(recent)));
        List<Drift.Alert> alerts = new ArrayList<>();
        psi.filter(value -> value > bounds.psi()).ifPresent(value -> alerts.add(new Drift.Alert(
                Drift.Kind.DISTRIBUTION, value, bounds.psi(), String.format(Locale.ROOT,
                        "the week of %s scored differently from the %d weeks before: PSI %.3f > %.3f", latest,
                        weeksBetween(from, latest), value, bounds.psi()))));
        calibration.filter(value -> value > bounds.calibrationError()).ifPresent(value -> alerts.add(new Drift.Alert(
                Drift.Kind.CALIBRATION, value, bounds.calibrationError(), String.format(Locale.ROOT,
                        "leads of the week of %s converted differently from baseline leads of the same score: "
                                + "calibration error %.3f > %.3f", latest, value, bounds.calibrationError()))));
        List<DecileLift.Decile> deciles = samples.isEmpty() ? List.of()
                : DecileLift.of(scores(samples), converted(samples));
        return new Drift(segment, model, from, latest, weeks(from, latest, samples), deciles, psi, calibration, bounds,
                alerts);
    }

    private static List<Drift.Week> weeks(LocalDate from, LocalDate latest, List<LeadSample> samples) {
        List<Drift.Week> weeks = new ArrayList<>();
        for (LocalDate week = from; !week.isAfter(latest); week = week.plusWeeks(1)) {
            LocalDate monday = week;
            List<LeadSample> of = samples.stream().filter(sample -> sample.week().equals(monday)).toList();
            int[] distribution = new int[Drift.BINS];
            double sum = 0;
            int converted = 0;
            for (LeadSample sample : of) {
                distribution[Math.min(Drift.BINS - 1, (int) Math.floor(Math.max(0, sample.score()) / Drift.BIN))]++;
                sum += sample.score();
                converted += sample.converted() ? 1 : 0;
            }
            weeks.add(new Drift.Week(monday, of.size(), of.isEmpty() ? 0 : sum / of.size(), distribution, converted));
        }
        return weeks;
    }

    private static long weeksBetween(LocalDate from, LocalDate latest) {
        return ChronoUnit.WEEKS.between(from, latest);
    }

    private static double[] scores(List<LeadSample> samples) {
        return samples.stream().mapToDouble(LeadSample::score).toArray();
    }

    private static boolean[] converted(List<LeadSample> samples) {
        boolean[] converted = new boolean[samples.size()];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = samples.get(i).converted();
        }
        return converted;
    }
}
