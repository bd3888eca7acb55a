package io.attune.server.drift;

/**
 * How far the score distribution (PSI) and calibration may move before drift is alerted.
 *
 * @param psi the population stability index above which the latest week's scores count as shifted
 * @param calibrationError the calibration error above which conversion by score band counts as moved
 */
public record DriftBounds(double psi, double calibrationError) {
    public static final DriftBounds DEFAULTS = new DriftBounds(0.2, 0.1);

    public DriftBounds {
        if (!(psi > 0) || Double.isInfinite(psi)) {
            throw new IllegalArgumentException("the PSI bound must be a positive number");
        }
        if (!(calibrationError > 0 && calibrationError <= 1)) {
            throw new IllegalArgumentException("the calibration error bound must be above 0 and at most 1");
        }
    }
}
