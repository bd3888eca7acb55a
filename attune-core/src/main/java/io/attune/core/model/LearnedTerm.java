package io.attune.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A learned probability added to a model's rules: {@code logit = intercept + Σ weight_r × value_r}
 * over the model's fit and engagement rules, {@code p = sigmoid(slope × logit + offset)} (Platt
 * scaling), and the term is worth {@code points × p}. A rule's value is what it is worth to the lead
 * at the instant of reading, so decay reaches the term through its rules and nothing is stored for it.
 */
public record LearnedTerm(double points, double intercept, Map<RuleId, Double> weights, double slope, double offset,
        String trainedOn) {
    public static final double MAX_POINTS = 1000;

    public LearnedTerm {
        ModelChecks.finite(points, "learned.points");
        ModelChecks.finite(intercept, "learned.intercept");
        ModelChecks.finite(slope, "learned.calibration.slope");
        ModelChecks.finite(offset, "learned.calibration.offset");
        if (!(points > 0 && points <= MAX_POINTS)) {
            throw new IllegalArgumentException("learned.points must be above 0 and at most " + (int) MAX_POINTS);
        }
        if (!(slope > 0)) {
            throw new IllegalArgumentException("learned.calibration.slope must be above 0");
        }
        weights.forEach((rule, weight) -> ModelChecks.finite(Objects.requireNonNull(weight, "weight"),
                "learned.weights." + rule));
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        trainedOn = trainedOn == null ? "" : trainedOn;
    }

    /** The calibrated probability for a logit. */
    public double probability(double logit) {
        double z = slope * logit + offset;
        // The two forms avoid exp overflow on either side; both equal 1 / (1 + e^-z).
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
