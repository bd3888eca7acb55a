package io.attune.learn.threshold;

import io.attune.learn.metric.Confusion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What each threshold would mean on held-out leads: the share flagged as MQLs, how many of those
 * converted (precision — the MQL→SQL rate sales would see) and how many of all converters they
 * caught (recall). One point per percent of leads flagged, from the top score down.
 */
public record TradeOffCurve(List<Point> points) {
    public TradeOffCurve {
        points = List.copyOf(points);
    }

    /** Flag every lead whose probability is at or above {@code threshold}. */
    public record Point(double threshold, double flaggedShare, double precision, double recall) {
    }

    public static TradeOffCurve of(double[] probabilities, boolean[] labels) {
        double[] descending = Arrays.stream(probabilities).map(p -> -p).sorted().map(p -> -p).toArray();
        List<Point> points = new ArrayList<>();
        double previous = Double.NaN;
        for (int percent = 1; percent <= 100; percent++) {
            int index = Math.max(0, (int) Math.ceil(descending.length * percent / 100.0) - 1);
            double threshold = descending[index];
            if (threshold == previous) {
                continue;
            }
            previous = threshold;
            points.add(point(probabilities, labels, threshold));
        }
        return new TradeOffCurve(points);
    }

    static Point point(double[] probabilities, boolean[] labels, double threshold) {
        Confusion confusion = Confusion.at(probabilities, labels, threshold);
        return new Point(threshold, confusion.flaggedShare(), confusion.precision(), confusion.recall());
    }
}
