package io.attune.server.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OutcomeMetricsTest {
    /** Five leads, best score first; three are MQLs, three reached SQL, one was won. */
    private static final double[] SCORES = {90, 80, 60, 40, 10};
    private static final boolean[] MQL = {true, true, true, false, false};
    private static final boolean[] SQL = {true, false, true, true, false};
    private static final boolean[] WON = {true, false, false, false, false};

    @Test
    void precision_recall_and_conversion_rates_match_the_hand_count() {
        OutcomeMetrics metrics = OutcomeMetrics.of(SCORES, MQL, SQL, WON);

        // MQLs 90, 80, 60; of them 90 and 60 reached SQL; SQLs were 90, 60 and 40
        assertThat(metrics.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(metrics.mqlToSqlRate()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(metrics.recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(metrics.mqlToWonRate()).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void roc_auc_is_the_share_of_sql_and_non_sql_pairs_ranked_right() {
        // SQL scores 90, 60, 40 against 80 and 10: 90>80, 90>10, 60>10, 40>10 — 4 of 6 pairs
        assertThat(OutcomeMetrics.of(SCORES, MQL, SQL, WON).rocAuc()).hasValueSatisfying(
                auc -> assertThat(auc).isCloseTo(4 / 6.0, within(1e-12)));
    }

    @Test
    void the_top_lead_alone_converts_at_five_thirds_of_the_base_rate() {
        // five rows in ten deciles: the best lead is decile 2 on its own, an SQL; the base rate is 3/5
        var decile = OutcomeMetrics.of(SCORES, MQL, SQL, WON).lift().get(1);
        assertThat(decile.rows()).isEqualTo(1);
        assertThat(decile.positives()).isEqualTo(1);
        assertThat(decile.lift()).isCloseTo(5 / 3.0, within(1e-12));
    }

    @Test
    void auc_is_absent_when_no_lead_reached_sql() {
        boolean[] none = new boolean[5];
        assertThat(OutcomeMetrics.of(SCORES, MQL, none, none).rocAuc()).isEmpty();
    }
}
