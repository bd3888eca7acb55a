package io.attune.learn.metric;

import java.util.ArrayList;
import java.util.List;

/** The ROC curve's corners, from (0, 0) to (1, 1), one per distinct score. */
public final class RocCurve {
    private RocCurve() {
    }

    public record Point(double falsePositiveRate, double truePositiveRate) {
    }

    public static List<Point> of(double[] scores, boolean[] labels) {
        RocAuc.requireSameLength(scores, labels);
        int positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        int negatives = labels.length - positives;
        int[] order = Ranking.descending(scores);
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0));
        int truePositives = 0;
        int falsePositives = 0;
        for (int i = 0; i < order.length; i++) {
            if (labels[order[i]]) {
                truePositives++;
            } else {
                falsePositives++;
            }
            boolean lastOfTie = i + 1 == order.length || scores[order[i + 1]] != scores[order[i]];
            if (lastOfTie) {
                points.add(new Point(rate(falsePositives, negatives), rate(truePositives, positives)));
            }
        }
        return points;
    }

    private static double rate(int count, int total) {
        return total == 0 ? 0 : (double) count / total;
    }
}
