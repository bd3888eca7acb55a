package io.attune.learn.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** PSI, calibration error and the bands under them against hand computations on small samples. */
class DriftMetricsTest {
    private static final double[] TENS = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90};
    private static final double[] MOSTLY_ZERO = {0, 0, 0, 0, 0, 0, 0, 0, 0, 100};

    @Test
    void tied_reference_scores_collapse_into_fewer_bands_and_a_cut_point_belongs_to_the_band_above() {
        ScoreBands bands = ScoreBands.decilesOf(MOSTLY_ZERO);

        assertThat(bands.cuts()).containsExactly(0, 100);
        assertThat(bands.of(-1)).isZero();
        assertThat(bands.of(0)).isEqualTo(1);
        assertThat(bands.of(99)).isEqualTo(1);
        assertThat(bands.of(100)).isEqualTo(2);
        assertThat(ScoreBands.decilesOf(TENS).cuts()).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90);
    }

    @Test
    void the_same_distribution_is_perfectly_stable() {
        assertThat(PopulationStability.of(TENS, TENS.clone())).isZero();
    }

    @Test
    void psi_sums_the_share_shifts_per_baseline_decile_with_empty_bands_floored() {
        // Bands of 10 points, a tenth of the baseline each. Recent: band 8 holds 0.2, band 9 nothing
        // (floored at 0.0001): (0.2 − 0.1)·ln 2 + (0.0001 − 0.1)·ln(0.001).
        double[] recent = {0, 10, 20, 30, 40, 50, 60, 70, 80, 80};
        assertThat(PopulationStability.of(TENS, recent)).isCloseTo(0.1 * Math.log(2) + 0.0999 * Math.log(1000),
                within(1e-12)).isCloseTo(0.759399, within(1e-6));

        // Half at 0 and half at 50: two bands of 0.5, eight floored.
        double[] split = {0, 0, 0, 0, 0, 50, 50, 50, 50, 50};
        assertThat(PopulationStability.of(TENS, split)).isCloseTo(2 * 0.4 * Math.log(5) + 8 * 0.0999 * Math.log(1000),
                within(1e-12)).isCloseTo(6.808228, within(1e-6));
    }

    @Test
    void leads_converting_as_the_baseline_did_in_their_band_have_no_calibration_error() {
        boolean[] topHalf = {false, false, false, false, false, true, true, true, true, true};
        assertThat(CalibrationError.of(TENS, topHalf, TENS.clone(), topHalf.clone())).isZero();
    }

    @Test
    void calibration_error_weighs_each_band_gap_by_its_recent_leads_and_uses_the_overall_rate_below_the_baseline() {
        // Baseline bands: [<0] empty, [0,100) 1 of 9 converted, [100,…) 1 of 1; overall 2 of 10.
        boolean[] baseline = {true, false, false, false, false, false, false, false, false, true};
        double[] recent = {-5, 0, 0, 100};
        boolean[] converted = {true, false, false, false};

        // ¼·|1 − 0.2| + ½·|0 − 1/9| + ¼·|0 − 1| = 0.2 + 1/18 + 0.25
        assertThat(CalibrationError.of(MOSTLY_ZERO, baseline, recent, converted))
                .isCloseTo(0.2 + 1.0 / 18 + 0.25, within(1e-12));
    }
}
