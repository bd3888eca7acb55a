package io.attune.learn.metric;

/** Counts at one threshold: a row is flagged (predicted to convert) when its score is at or above it. */
public record Confusion(int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {
    public Confusion {
        if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public static Confusion at(double[] scores, boolean[] labels, double threshold) {
        RocAuc.requireSameLength(scores, labels);
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int row = 0; row < scores.length; row++) {
            boolean flagged = scores[row] >= threshold;
            if (flagged && labels[row]) {
                tp++;
            } else if (flagged) {
                fp++;
            } else if (labels[row]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Confusion(tp, fp, tn, fn);
    }

    public int rows() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    public int flagged() {
        return truePositives + falsePositives;
    }

    public double accuracy() {
        return (double) (truePositives + trueNegatives) / rows();
    }

    /** Of the flagged rows, the share that converted; 0 when nothing is flagged. */
    public double precision() {
        return flagged() == 0 ? 0 : (double) truePositives / flagged();
    }

    /** Of the rows that converted, the share flagged. */
    public double recall() {
        int positives = truePositives + falseNegatives;
        return positives == 0 ? 0 : (double) truePositives / positives;
    }

    public double flaggedShare() {
        return (double) flagged() / rows();
    }
}
