package io.attune.learn.metric;

/**
 * Area under the ROC curve: the chance that a random converter scores above a random non-converter,
 * ties counting half (the Mann–Whitney statistic, computed from average ranks).
 */
public final class RocAuc {
    private RocAuc() {
    }

    public static double of(double[] scores, boolean[] labels) {
        requireSameLength(scores, labels);
        int[] order = Ranking.ascending(scores);
        double positiveRankSum = 0;
        long positives = 0;
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                end++;
            }
            double averageRank = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++) {
                if (labels[order[i]]) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            start = end;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("ROC AUC needs both converted and not converted rows");
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    static void requireSameLength(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.length + " labels");
        }
    }
}
