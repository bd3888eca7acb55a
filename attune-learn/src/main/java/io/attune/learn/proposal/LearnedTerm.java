package io.attune.learn.proposal;

import io.attune.learn.model.PlattCalibration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's learned term: {@code p = sigmoid(slope × (intercept + Σ weight × rule points now) + offset)},
 * with the calibration fitted on the held-out leads. Weights are per point of each rule.
 */
public record LearnedTerm(double intercept, Map<String, Double> weights, PlattCalibration calibration) {
    public LearnedTerm {
        // In the model's rule order, which is the order the learned: section lists them in.
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }
}
