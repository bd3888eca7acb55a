package io.attune.learn.metric;

/** How many converted and not converted rows fell in each equal-width probability bin. */
public record ScoreHistogram(int[] positives, int[] negatives) {
    public static ScoreHistogram of(double[] probabilities, boolean[] labels, int bins) {
        RocAuc.requireSameLength(probabilities, labels);
        int[] positives = new int[bins];
        int[] negatives = new int[bins];
        for (int row = 0; row < probabilities.length; row++) {
            int bin = Math.min(bins - 1, (int) Math.floor(probabilities[row] * bins));
            if (labels[row]) {
                positives[bin]++;
            } else {
                negatives[bin]++;
            }
        }
        return new ScoreHistogram(positives, negatives);
    }
}
