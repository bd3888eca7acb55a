package io.attune.learn.model;

import io.attune.learn.column.FeatureColumn;
import java.util.List;
import java.util.Objects;

/** A learned model with its calibration: what a model version would store, and what turns a row into a probability. */
public record CalibratedModel(LearnedModel model, PlattCalibration calibration) {
    public CalibratedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(calibration, "calibration");
    }

    public double probability(List<FeatureColumn> columns, int row) {
        return calibration.probability(model.logit(columns, row));
    }

    public double[] probabilities(List<FeatureColumn> columns, int[] rows) {
        double[] logits = model.logits(columns, rows);
        double[] probabilities = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = calibration.probability(logits[i]);
        }
        return probabilities;
    }
}
