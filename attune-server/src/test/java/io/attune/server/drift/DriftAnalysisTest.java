package io.attune.server.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftAnalysisTest {
    private static final ModelVersion MODEL = ModelVersion.parse("employer-starter@1");
    private static final LocalDate FROM = LocalDate.parse("2026-10-05");
    private static final LocalDate LATEST = LocalDate.parse("2026-10-19");

    private static List<LeadSample> leads(LocalDate week, double score, int count, int converted) {
        List<LeadSample> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leads.add(new LeadSample(week, score, i < converted));
        }
        return leads;
    }

    @Test
    void a_latest_week_like_its_baseline_raises_no_alert() {
        List<LeadSample> samples = new ArrayList<>(leads(FROM, 10, 5, 0));
        samples.addAll(leads(FROM, 40, 5, 5));
        samples.addAll(leads(LATEST, 10, 2, 0));
        samples.addAll(leads(LATEST, 40, 2, 2));

        Drift drift = DriftAnalysis.of(Segment.EMPLOYER, MODEL, FROM, LATEST, samples, DriftBounds.DEFAULTS);

        assertThat(drift.psi()).hasValueSatisfying(psi -> assertThat(psi).isCloseTo(0, within(1e-12)));
        assertThat(drift.calibrationError()).hasValueSatisfying(error -> assertThat(error).isZero());
        assertThat(drift.alerts()).isEmpty();
        assertThat(drift.weeks()).extracting(Drift.Week::week).containsExactly(FROM, FROM.plusWeeks(1), LATEST);
        assertThat(drift.weeks()).extracting(Drift.Week::leads).containsExactly(10, 0, 4);
        assertThat(drift.weeks().get(0).distribution()[1]).isEqualTo(5);
        assertThat(drift.weeks().get(0).distribution()[4]).isEqualTo(5);
        assertThat(drift.weeks().get(2).conversionRate()).isEqualTo(0.5);
        assertThat(drift.deciles().get(0).conversionRate()).isEqualTo(1.0);
    }

    @Test
    void a_shifted_latest_week_whose_high_scorers_stopped_converting_raises_both_alerts() {
        // Baseline bands: [<10] empty, [10,40) half of the leads, none converted, [40,…) half, all converted.
        List<LeadSample> samples = new ArrayList<>(leads(FROM, 10, 4, 0));
        samples.addAll(leads(FROM, 40, 4, 4));
        samples.addAll(leads(LATEST, 40, 4, 1));

        Drift drift = DriftAnalysis.of(Segment.EMPLOYER, MODEL, FROM, LATEST, samples, DriftBounds.DEFAULTS);

        double psi = (0.0001 - 0.5) * Math.log(0.0001 / 0.5) + (1 - 0.5) * Math.log(1 / 0.5);
        assertThat(drift.psi()).hasValueSatisfying(value -> assertThat(value).isCloseTo(psi, within(1e-12)));
        assertThat(drift.calibrationError()).hasValueSatisfying(value -> assertThat(value).isEqualTo(0.75));
        assertThat(drift.alerts()).extracting(Drift.Alert::kind)
                .containsExactly(Drift.Kind.DISTRIBUTION, Drift.Kind.CALIBRATION);
        assertThat(drift.alerts().get(1).message()).contains("calibration error 0.750 > 0.100");
    }

    @Test
    void bounds_decide_the_alerts_and_nothing_is_compared_without_a_baseline() {
        List<LeadSample> samples = new ArrayList<>(leads(FROM, 10, 4, 0));
        samples.addAll(leads(FROM, 40, 4, 4));
        samples.addAll(leads(LATEST, 40, 4, 1));

        assertThat(DriftAnalysis.of(Segment.EMPLOYER, MODEL, FROM, LATEST, samples, new DriftBounds(5, 0.8)).alerts())
                .isEmpty();
        Drift latestOnly = DriftAnalysis.of(Segment.EMPLOYER, MODEL, FROM, LATEST, leads(LATEST, 40, 4, 1),
                DriftBounds.DEFAULTS);
        assertThat(latestOnly.psi()).isEmpty();
        assertThat(latestOnly.calibrationError()).isEmpty();
        assertThat(latestOnly.alerts()).isEmpty();
    }
}
