package io.attune.learn.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * Conversion by score decile, best first: how much likelier the top tenth converts than the table
 * as a whole (lift), and what share of all conversions the top deciles hold together.
 */
public final class DecileLift {
    private DecileLift() {
    }

    /** One tenth of the rows by score; decile 1 holds the highest scores. */
    public record Decile(int decile, int rows, int positives, double conversionRate, double lift,
                         double cumulativeCapture) {
    }

    public static List<Decile> of(double[] scores, boolean[] labels) {
        RocAuc.requireSameLength(scores, labels);
        int[] order = Ranking.descending(scores);
        int totalPositives = 0;
        for (boolean label : labels) {
            totalPositives += label ? 1 : 0;
        }
        double baseRate = (double) totalPositives / labels.length;
        List<Decile> deciles = new ArrayList<>();
        int captured = 0;
        for (int decile = 0; decile < 10; decile++) {
            // Rows are split as evenly as integers allow: decile d takes [n·d/10, n·(d+1)/10).
            int from = (int) ((long) order.length * decile / 10);
            int to = (int) ((long) order.length * (decile + 1) / 10);
            int positives = 0;
            for (int i = from; i < to; i++) {
                positives += labels[order[i]] ? 1 : 0;
            }
            captured += positives;
            int rows = to - from;
            double rate = rows == 0 ? 0 : (double) positives / rows;
            deciles.add(new Decile(decile + 1, rows, positives, rate, baseRate == 0 ? 0 : rate / baseRate,
                    totalPositives == 0 ? 0 : (double) captured / totalPositives));
        }
        return deciles;
    }
}
