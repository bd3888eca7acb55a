package io.attune.server.backtest;

import io.attune.learn.metric.DecileLift;
import io.attune.learn.metric.RocAuc;
import java.util.List;
import java.util.Optional;

/**
 * How well a model's MQLs matched what sales later found, over leads with known outcomes: precision
 * (of the MQLs, the share that reached SQL — the MQL→SQL rate), recall (of the SQLs, the share that
 * were MQLs), the MQL→won rate, ROC AUC of the score and SQL rate by score decile. The AUC is absent
 * when the leads are all SQLs or none is: it needs both.
 */
public record OutcomeMetrics(int leads, int mqls, int sqls, int won, double precision, double recall,
        double mqlToSqlRate, double mqlToWonRate, Optional<Double> rocAuc, List<DecileLift.Decile> lift) {

    public OutcomeMetrics {
        lift = List.copyOf(lift);
    }

    /** Row {@code i} is one lead: its score at the cut-off, whether the model made it an MQL, and its outcomes. */
    public static OutcomeMetrics of(double[] scores, boolean[] mql, boolean[] sql, boolean[] won) {
        int mqls = 0;
        int sqls = 0;
        int wins = 0;
        int mqlSqls = 0;
        int mqlWins = 0;
        for (int i = 0; i < scores.length; i++) {
            mqls += mql[i] ? 1 : 0;
            sqls += sql[i] ? 1 : 0;
            wins += won[i] ? 1 : 0;
            mqlSqls += mql[i] && sql[i] ? 1 : 0;
            mqlWins += mql[i] && won[i] ? 1 : 0;
        }
        double precision = mqls == 0 ? 0 : (double) mqlSqls / mqls;
        Optional<Double> auc = sqls == 0 || sqls == scores.length ? Optional.empty()
                : Optional.of(RocAuc.of(scores, sql));
        return new OutcomeMetrics(scores.length, mqls, sqls, wins, precision, sqls == 0 ? 0 : (double) mqlSqls / sqls,
                precision, mqls == 0 ? 0 : (double) mqlWins / mqls, auc, DecileLift.of(scores, sql));
    }
}
