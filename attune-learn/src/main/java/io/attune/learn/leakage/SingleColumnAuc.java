package io.attune.learn.leakage;

import io.attune.learn.column.FeatureColumn;
import io.attune.learn.metric.RocAuc;
import io.attune.learn.split.StratifiedSplit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well one column separates converters on its own, as a ROC AUC folded to ≥ 0.5 (a column that
 * predicts "no" perfectly leaks as much as one that predicts "yes"). Missing values count as a value
 * of their own, so a field filled in only for converted leads shows up. Categories are scored by
 * their conversion rate measured on the other half of the rows, so a many-valued column cannot look
 * predictive just by memorising its rows.
 */
public final class SingleColumnAuc {
    private static final double SHRINK_ROWS = 10;

    private SingleColumnAuc() {
    }

    public static double of(FeatureColumn column, boolean[] labels, int[] rows, long seed) {
        boolean[] y = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = labels[rows[i]];
        }
        if (column instanceof FeatureColumn.Numeric numeric) {
            return numeric(numeric, y, rows);
        }
        return categorical((FeatureColumn.Categorical) column, labels, rows, y, seed);
    }

    private static double numeric(FeatureColumn.Numeric column, boolean[] y, int[] rows) {
        double best = 0.5;
        for (double missingAs : new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
            double[] scores = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double value = column.values()[rows[i]];
                scores[i] = Double.isNaN(value) ? missingAs : value;
            }
            best = Math.max(best, folded(RocAuc.of(scores, y)));
        }
        return best;
    }

    private static double categorical(FeatureColumn.Categorical column, boolean[] labels, int[] rows, boolean[] y,
                                      long seed) {
        List<int[]> halves = StratifiedSplit.folds(labels, rows, 2, seed);
        Map<Integer, Double> encoded = new HashMap<>();
        for (int half = 0; half < 2; half++) {
            int[] fitRows = halves.get(1 - half);
            Map<String, int[]> counts = new HashMap<>();
            int positives = 0;
            for (int row : fitRows) {
                positives += labels[row] ? 1 : 0;
                int[] count = counts.computeIfAbsent(level(column, row), level -> new int[2]);
                count[0]++;
                count[1] += labels[row] ? 1 : 0;
            }
            double prior = (double) positives / Math.max(1, fitRows.length);
            for (int row : halves.get(half)) {
                int[] count = counts.getOrDefault(level(column, row), new int[2]);
                encoded.put(row, (count[1] + SHRINK_ROWS * prior) / (count[0] + SHRINK_ROWS));
            }
        }
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = encoded.get(rows[i]);
        }
        return folded(RocAuc.of(scores, y));
    }

    private static String level(FeatureColumn.Categorical column, int row) {
        String value = column.values()[row];
        return value == null ? "\u0000missing" : value;
    }

    private static double folded(double auc) {
        return Math.max(auc, 1 - auc);
    }
}
