package io.attune.learn.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdAdvisorTest {
    // 40 leads scored 0.975, 0.95, …, 0.0 (score = (40 − i) / 40 − 0.025). Converters: the top 8, then every 4th.
    private static final double[] SCORES = new double[40];
    private static final boolean[] LABELS = new boolean[40];

    static {
        for (int i = 0; i < 40; i++) {
            SCORES[i] = (40 - i) / 40.0 - 0.025;
            LABELS[i] = i < 8 || i % 4 == 0;
        }
    }

    @Test
    void a_capacity_flags_the_share_of_leads_sales_can_work() {
        // 100 MQLs a week of 1,000 leads → 10%: the top 4 of 40. All 4 converted; converters in total:
        // rows 0–7 and 8, 12, …, 36 → 8 + 8 = 16, so recall 4/16.
        ThresholdAdvice advice = ThresholdAdvisor.advise(new ThresholdGoal.Capacity(100, 1000), SCORES, LABELS);

        assertThat(advice.at().threshold()).isEqualTo(SCORES[3]);
        assertThat(advice.at().flaggedShare()).isEqualTo(0.1);
        assertThat(advice.at().precision()).isEqualTo(1.0);
        assertThat(advice.at().recall()).isEqualTo(0.25);
        assertThat(advice.mqlsPerWeek()).isCloseTo(100, within(1e-9));
        assertThat(advice.met()).isTrue();
    }

    @Test
    void a_target_precision_gets_the_lowest_threshold_that_reaches_it() {
        // Converters among the top k = 8 + how many of 8, 12, 16, … are below k. k = 17: 11/17 = 0.647;
        // k = 18: 11/18 = 0.611; k = 19: 11/19 = 0.579; k = 21: 12/21 = 0.571, and lower from there on.
        // The lowest threshold with precision ≥ 0.6 therefore flags the top 18.
        ThresholdAdvice advice = ThresholdAdvisor.advise(new ThresholdGoal.TargetPrecision(0.6), SCORES, LABELS);

        assertThat(advice.met()).isTrue();
        assertThat(advice.at().threshold()).isEqualTo(SCORES[17]);
        assertThat(advice.at().precision()).isCloseTo(11 / 18.0, within(1e-12));
    }

    @Test
    void an_unreachable_precision_says_so_and_offers_the_best_there_is() {
        ThresholdAdvice advice = ThresholdAdvisor.advise(new ThresholdGoal.TargetPrecision(0.99),
                new double[] {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.01, 0.0},
                new boolean[] {true, false, true, false, true, false, true, false, true, false, true, false});

        assertThat(advice.met()).isFalse();
        assertThat(advice.summary()).contains("no threshold reaches 99.0%");
    }

    @Test
    void the_trade_off_curve_runs_from_few_flagged_to_all_flagged() {
        TradeOffCurve curve = TradeOffCurve.of(SCORES, LABELS);
        assertThat(curve.points().get(0).flaggedShare()).isEqualTo(1 / 40.0);
        TradeOffCurve.Point last = curve.points().get(curve.points().size() - 1);
        assertThat(last.flaggedShare()).isEqualTo(1.0);
        assertThat(last.recall()).isEqualTo(1.0);
        assertThat(last.precision()).isEqualTo(16 / 40.0);
    }
}
