package io.attune.learn.drift;

/**
 * How far recent leads' conversion strayed from what the baseline leads of the same score band
 * did: Σ over bands (recent leads in band / recent leads) · |recent conversion − baseline
 * conversion|, with bands cut at the baseline's score deciles. A points score is not a probability,
 * so the baseline's observed conversion per band is the expectation the model's ranking set; a band
 * the baseline never reached (a score below all of it) is expected to convert at the baseline's
 * overall rate. 0 means every band converted exactly as before; the most it can be is 1.
 */
public final class CalibrationError {
    private CalibrationError() {
    }

    public static double of(double[] baselineScores, boolean[] baselineConverted, double[] recentScores,
            boolean[] recentConverted) {
        requireSameLength(baselineScores, baselineConverted);
        requireSameLength(recentScores, recentConverted);
        if (recentScores.length == 0) {
            throw new IllegalArgumentException("need at least one recent lead");
        }
        ScoreBands bands = ScoreBands.decilesOf(baselineScores);
        int[] baseLeads = new int[bands.count()];
        int[] baseConverted = new int[bands.count()];
        int allConverted = 0;
        for (int i = 0; i < baselineScores.length; i++) {
            int band = bands.of(baselineScores[i]);
            baseLeads[band]++;
            baseConverted[band] += baselineConverted[i] ? 1 : 0;
            allConverted += baselineConverted[i] ? 1 : 0;
        }
        double overall = (double) allConverted / baselineScores.length;
        int[] leads = new int[bands.count()];
        int[] converted = new int[bands.count()];
        for (int i = 0; i < recentScores.length; i++) {
            int band = bands.of(recentScores[i]);
            leads[band]++;
            converted[band] += recentConverted[i] ? 1 : 0;
        }
        double error = 0;
        for (int band = 0; band < bands.count(); band++) {
            if (leads[band] > 0) {
                double expected = baseLeads[band] == 0 ? overall : (double) baseConverted[band] / baseLeads[band];
                double observed = (double) converted[band] / leads[band];
                error += (double) leads[band] / recentScores.length * Math.abs(observed - expected);
            }
        }
        return error;
    }

    private static void requireSameLength(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length: " + scores.length + " and "
                    + labels.length);
        }
    }
}
