package io.attune.learn.model;

import io.attune.learn.column.FeatureColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Logistic regression as plain numbers: {@code logit = intercept + Σ coefficient × encoded feature}.
 * Each input column's contribution is the sum of coefficient × value over its encoded features —
 * for a number, its coefficient times how many standard deviations the row sits from the training
 * mean; for a category, the coefficient of the row's level.
 */
public record LogisticModel(LinearEncoding encoding, double[] coefficients, double intercept) implements LearnedModel {
    public LogisticModel {
        if (coefficients.length != encoding.width()) {
            throw new IllegalArgumentException(coefficients.length + " coefficients for " + encoding.width() + " features");
        }
    }

    @Override
    public String kind() {
        return "logistic";
    }

    @Override
    public List<String> inputs() {
        return encoding.columns().stream().map(LinearEncoding.Encoded::column).toList();
    }

    @Override
    public double logit(List<FeatureColumn> columns, int row) {
        double[] features = encoding.encode(columns, row);
        double logit = intercept;
        for (int i = 0; i < features.length; i++) {
            logit += coefficients[i] * features[i];
        }
        return logit;
    }

    @Override
    public Explanation explain(List<FeatureColumn> columns, int row) {
        double[] features = encoding.encode(columns, row);
        List<Explanation.Contribution> contributions = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < encoding.columns().size(); i++) {
            LinearEncoding.Encoded column = encoding.columns().get(i);
            double sum = 0;
            for (int j = offset; j < offset + column.width(); j++) {
                sum += coefficients[j] * features[j];
            }
            offset += column.width();
            contributions.add(new Explanation.Contribution(column.column(), ValueText.of(columns.get(i), row), sum));
        }
        return new Explanation(intercept, contributions);
    }

    /** The encoded features with their coefficients, largest in magnitude first. */
    public List<Weight> weights() {
        List<String> features = encoding.features();
        List<Weight> weights = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            weights.add(new Weight(features.get(i), coefficients[i]));
        }
        weights.sort((a, b) -> Double.compare(Math.abs(b.coefficient()), Math.abs(a.coefficient())));
        return weights;
    }

    /** One encoded feature's coefficient. */
    public record Weight(String feature, double coefficient) {
    }
}
