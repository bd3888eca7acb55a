package io.attune.learn.model;

import io.attune.learn.column.FeatureColumn;
import java.util.List;

/**
 * A trained scorer over named input columns. Plain values (coefficients, trees) so that a model can
 * be stored as a model version and replayed later without the library that trained it.
 */
public sealed interface LearnedModel permits LogisticModel, BoostedTrees {
    /** Short name used in reports and JSON: {@code logistic} or {@code gbt}. */
    String kind();

    /** The input column names, in the order {@link #logit} expects them. */
    List<String> inputs();

    /** The raw score on the log-odds scale; higher means likelier to convert. */
    double logit(List<FeatureColumn> columns, int row);

    /**
     * The logit broken down by input column: {@code baseline + Σ contribution == logit}, exactly.
     * Contributions are listed largest in magnitude first.
     */
    Explanation explain(List<FeatureColumn> columns, int row);

    /** Logits for many rows, after checking once that the columns are the ones the model was trained on. */
    default double[] logits(List<FeatureColumn> columns, int[] rows) {
        List<String> names = columns.stream().map(FeatureColumn::name).toList();
        if (!names.equals(inputs())) {
            throw new IllegalArgumentException("the model was trained on columns " + inputs() + ", not " + names);
        }
        double[] logits = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            logits[i] = logit(columns, rows[i]);
        }
        return logits;
    }
}
