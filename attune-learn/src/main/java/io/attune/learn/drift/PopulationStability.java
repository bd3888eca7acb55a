package io.attune.learn.drift;

/**
 * The population stability index between a baseline and a recent sample of scores, over bands cut
 * at the baseline's deciles: Σ (recent share − baseline share) · ln(recent share / baseline share).
 * A band empty on one side would make the sum infinite, so shares are floored at {@link #FLOOR}
 * (the usual practice). Rules of thumb: below 0.1 stable, 0.1–0.2 a moderate shift, above 0.2 a
 * significant one.
 */
public final class PopulationStability {
    public static final double FLOOR = 0.0001;

    private PopulationStability() {
    }

    public static double of(double[] baseline, double[] recent) {
        if (recent.length == 0) {
            throw new IllegalArgumentException("need at least one recent score");
        }
        ScoreBands bands = ScoreBands.decilesOf(baseline);
        double[] expected = bands.shares(baseline);
        double[] actual = bands.shares(recent);
        double psi = 0;
        for (int band = 0; band < bands.count(); band++) {
            double e = Math.max(FLOOR, expected[band]);
            double a = Math.max(FLOOR, actual[band]);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }
}
