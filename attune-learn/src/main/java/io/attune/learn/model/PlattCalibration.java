package io.attune.learn.model;

/**
 * Platt scaling: {@code probability = 1 / (1 + e^−(slope × logit + intercept))}, fitted on scores
 * the model gave rows it had not seen (cross-validation folds). Chosen over isotonic regression
 * because it is strictly increasing, so it never ties two leads the model had ranked apart and the
 * ROC AUC of the calibrated probabilities is the model's own.
 */
public record PlattCalibration(double slope, double intercept) {
    private static final int MAX_ITERATIONS = 100;

    public PlattCalibration {
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("slope and intercept must be finite");
        }
    }

    public static PlattCalibration identity() {
        return new PlattCalibration(1, 0);
    }

    public double probability(double logit) {
        return 1 / (1 + Math.exp(-(slope * logit + intercept)));
    }

    /**
     * Newton's method on the log loss, with Platt's smoothed targets ({@code (N₊ + 1)/(N₊ + 2)} and
     * {@code 1/(N₋ + 2)}) so that a separable fold cannot push the slope to infinity.
     */
    public static PlattCalibration fit(double[] logits, boolean[] labels) {
        int positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        double high = (positives + 1.0) / (positives + 2.0);
        double low = 1.0 / (labels.length - positives + 2.0);
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-9;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < logits.length; i++) {
                double p = 1 / (1 + Math.exp(-(a * logits[i] + b)));
                double error = p - (labels[i] ? high : low);
                double weight = Math.max(p * (1 - p), 1e-12);
                ga += error * logits[i];
                gb += error;
                haa += weight * logits[i] * logits[i];
                hab += weight * logits[i];
                hbb += weight;
            }
            double determinant = haa * hbb - hab * hab;
            if (determinant <= 0) {
                break;
            }
            double stepA = (hbb * ga - hab * gb) / determinant;
            double stepB = (haa * gb - hab * ga) / determinant;
            a -= stepA;
            b -= stepB;
            if (Math.abs(stepA) < 1e-10 && Math.abs(stepB) < 1e-10) {
                break;
            }
        }
        return new PlattCalibration(a, b);
    }
}
