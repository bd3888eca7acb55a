package io.attune.learn.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicted probability against what happened, in equal-width probability bins: a calibrated model's
 * bins sit on the diagonal (of the leads given 30%, about 30% converted).
 */
public final class CalibrationBins {
    private CalibrationBins() {
    }

    /** Rows whose probability fell in [lower, upper); the last bin includes 1. Empty bins are left out. */
    public record Bin(double lower, double upper, int rows, double meanPredicted, double observedRate) {
    }

    public static List<Bin> of(double[] probabilities, boolean[] labels, int bins) {
        RocAuc.requireSameLength(probabilities, labels);
        int[] rows = new int[bins];
        double[] predicted = new double[bins];
        int[] positives = new int[bins];
        for (int row = 0; row < probabilities.length; row++) {
            int bin = Math.min(bins - 1, (int) Math.floor(probabilities[row] * bins));
            rows[bin]++;
            predicted[bin] += probabilities[row];
            positives[bin] += labels[row] ? 1 : 0;
        }
        List<Bin> result = new ArrayList<>();
        for (int bin = 0; bin < bins; bin++) {
            if (rows[bin] > 0) {
                result.add(new Bin((double) bin / bins, (double) (bin + 1) / bins, rows[bin],
                        predicted[bin] / rows[bin], (double) positives[bin] / rows[bin]));
            }
        }
        return result;
    }

    /** Mean squared difference between probability and outcome (0 is perfect, 0.25 is a coin). */
    public static double brierScore(double[] probabilities, boolean[] labels) {
        RocAuc.requireSameLength(probabilities, labels);
        double sum = 0;
        for (int row = 0; row < probabilities.length; row++) {
            double error = probabilities[row] - (labels[row] ? 1 : 0);
            sum += error * error;
        }
        return sum / probabilities.length;
    }
}
