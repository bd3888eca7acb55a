package io.attune.learn.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every metric on fixtures small enough to work out on paper; the working is in the comments. */
class MetricsByHandTest {
    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void roc_auc_is_the_share_of_converter_non_converter_pairs_ranked_correctly() {
        // Converters 0.35 and 0.8; non-converters 0.1 and 0.4. Pairs: 0.35>0.1 yes, 0.35>0.4 no,
        // 0.8>0.1 yes, 0.8>0.4 yes → 3 of 4.
        assertThat(RocAuc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {F, F, T, T})).isEqualTo(0.75);
    }

    @Test
    void a_tied_pair_counts_half() {
        // Converters 0.5 and 0.9; non-converters 0.5 and 0.2: 0.5=0.5 half, the other three pairs right → 3.5 / 4.
        assertThat(RocAuc.of(new double[] {0.5, 0.5, 0.2, 0.9}, new boolean[] {T, F, F, T})).isEqualTo(0.875);
    }

    @Test
    void the_roc_curve_has_one_corner_per_distinct_score() {
        // Descending: 0.9 T, 0.5 T and 0.5 F together, 0.2 F. Two positives, two negatives.
        List<RocCurve.Point> curve = RocCurve.of(new double[] {0.5, 0.5, 0.2, 0.9}, new boolean[] {T, F, F, T});
        assertThat(curve).containsExactly(new RocCurve.Point(0, 0), new RocCurve.Point(0, 0.5),
                new RocCurve.Point(0.5, 1), new RocCurve.Point(1, 1));
    }

    @Test
    void accuracy_precision_and_recall_at_a_threshold() {
        // At 0.5: flagged 0.9 (T), 0.7 (F), 0.5 (T); not flagged 0.3 (T), 0.2 (F), 0.1 (F).
        // TP 2, FP 1, FN 1, TN 2 → accuracy 4/6, precision 2/3, recall 2/3, flagged 3/6.
        Confusion confusion = Confusion.at(new double[] {0.9, 0.7, 0.5, 0.3, 0.2, 0.1},
                new boolean[] {T, F, T, T, F, F}, 0.5);
        assertThat(confusion).isEqualTo(new Confusion(2, 1, 2, 1));
        assertThat(confusion.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(confusion.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(confusion.recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(confusion.flaggedShare()).isEqualTo(0.5);
    }

    @Test
    void lift_by_decile_compares_each_tenth_with_the_base_rate() {
        // 20 rows scored 20..1; converters are the rows scored 20, 19, 18 and 11. Base rate 4/20 = 0.2.
        double[] scores = new double[20];
        boolean[] labels = new boolean[20];
        for (int i = 0; i < 20; i++) {
            scores[i] = 20 - i;
        }
        labels[0] = labels[1] = labels[2] = labels[9] = true;
        List<DecileLift.Decile> deciles = DecileLift.of(scores, labels);

        assertThat(deciles).hasSize(10);
        // Decile 1 = scores 20, 19: both converted → rate 1, lift 5, captured 2 of 4.
        assertThat(deciles.get(0)).isEqualTo(new DecileLift.Decile(1, 2, 2, 1.0, 5.0, 0.5));
        // Decile 2 = scores 18, 17: one → rate 0.5, lift 2.5, captured 3 of 4.
        assertThat(deciles.get(1)).isEqualTo(new DecileLift.Decile(2, 2, 1, 0.5, 2.5, 0.75));
        // Decile 5 = scores 12, 11: one (score 11) → captured all 4.
        assertThat(deciles.get(4).positives()).isEqualTo(1);
        assertThat(deciles.get(4).cumulativeCapture()).isEqualTo(1.0);
        assertThat(deciles.get(9).lift()).isZero();
    }

    @Test
    void deciles_of_a_count_not_divisible_by_ten_share_the_rows_out_evenly() {
        double[] scores = new double[13];
        boolean[] labels = new boolean[13];
        for (int i = 0; i < 13; i++) {
            scores[i] = i;
            labels[i] = i % 2 == 0;
        }
        // Boundaries at 13·d/10 rounded down: 0,1,2,3,5,6,7,9,10,11,13 → sizes 1,1,1,2,1,1,2,1,1,2.
        assertThat(DecileLift.of(scores, labels)).extracting(DecileLift.Decile::rows)
                .containsExactly(1, 1, 1, 2, 1, 1, 2, 1, 1, 2);
    }

    @Test
    void calibration_bins_hold_mean_prediction_and_observed_rate() {
        // Bin [0.0, 0.5): 0.1 F, 0.3 T → mean 0.2, observed 0.5. Bin [0.5, 1]: 0.6 T, 0.8 T, 1.0 F → mean 0.8, observed 2/3.
        List<CalibrationBins.Bin> bins = CalibrationBins.of(new double[] {0.1, 0.3, 0.6, 0.8, 1.0},
                new boolean[] {F, T, T, T, F}, 2);
        assertThat(bins).hasSize(2);
        assertThat(bins.get(0).rows()).isEqualTo(2);
        assertThat(bins.get(0).meanPredicted()).isCloseTo(0.2, within(1e-12));
        assertThat(bins.get(0).observedRate()).isEqualTo(0.5);
        assertThat(bins.get(1).rows()).isEqualTo(3);
        assertThat(bins.get(1).meanPredicted()).isCloseTo(0.8, within(1e-12));
        assertThat(bins.get(1).observedRate()).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void brier_score_is_the_mean_squared_error_of_the_probabilities() {
        // (0.1−0)² + (0.3−1)² + (0.6−1)² + (1.0−0)² = 0.01 + 0.49 + 0.16 + 1 = 1.66 → / 4 = 0.415
        assertThat(CalibrationBins.brierScore(new double[] {0.1, 0.3, 0.6, 1.0}, new boolean[] {F, T, T, F}))
                .isCloseTo(0.415, within(1e-12));
    }

    @Test
    void score_histogram_counts_each_outcome_per_bin() {
        ScoreHistogram histogram = ScoreHistogram.of(new double[] {0.05, 0.45, 0.55, 1.0}, new boolean[] {F, T, F, T}, 2);
        assertThat(histogram.positives()).containsExactly(1, 1);
        assertThat(histogram.negatives()).containsExactly(1, 1);
    }
}
