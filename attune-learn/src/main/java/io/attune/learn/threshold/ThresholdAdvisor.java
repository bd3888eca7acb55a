package io.attune.learn.threshold;

import java.util.Arrays;
import java.util.Locale;

/**
 * Recommends a probability threshold from held-out scores. For a capacity, the threshold that flags
 * the share of leads sales can work; for a target precision, the lowest threshold whose MQLs convert
 * at least that often — lowest, because it catches the most converters for the same quality.
 */
public final class ThresholdAdvisor {
    /** A precision measured on fewer flagged leads than this is too noisy to promise. */
    static final int MIN_FLAGGED = 10;

    private ThresholdAdvisor() {
    }

    public static ThresholdAdvice advise(ThresholdGoal goal, double[] probabilities, boolean[] labels) {
        if (goal instanceof ThresholdGoal.Capacity capacity) {
            return forCapacity(capacity, probabilities, labels);
        }
        return forPrecision((ThresholdGoal.TargetPrecision) goal, probabilities, labels);
    }

    private static ThresholdAdvice forCapacity(ThresholdGoal.Capacity capacity, double[] probabilities,
                                               boolean[] labels) {
        double share = (double) capacity.mqlsPerWeek() / capacity.leadsPerWeek();
        double[] descending = Arrays.stream(probabilities).map(p -> -p).sorted().map(p -> -p).toArray();
        int flagged = Math.max(1, (int) Math.floor(share * descending.length));
        // The lowest score among the top `flagged`, raised past ties so the team is never given more than it can work.
        double threshold = descending[flagged - 1];
        if (flagged < descending.length && descending[flagged] == threshold) {
            threshold = Math.nextUp(threshold);
        }
        TradeOffCurve.Point point = TradeOffCurve.point(probabilities, labels, threshold);
        double perWeek = point.flaggedShare() * capacity.leadsPerWeek();
        return new ThresholdAdvice(capacity, point, true, perWeek, String.format(Locale.ROOT,
                "threshold %.3f flags %.1f%% of leads (about %.0f MQLs a week of %d leads, capacity %d); "
                        + "%.1f%% of them converted and they held %.1f%% of all conversions",
                threshold, 100 * point.flaggedShare(), perWeek, capacity.leadsPerWeek(), capacity.mqlsPerWeek(),
                100 * point.precision(), 100 * point.recall()));
    }

    private static ThresholdAdvice forPrecision(ThresholdGoal.TargetPrecision target, double[] probabilities,
                                                boolean[] labels) {
        Integer[] order = new Integer[probabilities.length];
        Arrays.setAll(order, row -> row);
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        double lowestMeeting = Double.NaN;
        double bestThreshold = probabilities[order[0]];
        double bestPrecision = -1;
        int converted = 0;
        // Walk down from the top score; a threshold is only possible where a run of equal scores ends.
        for (int i = 0; i < order.length; i++) {
            converted += labels[order[i]] ? 1 : 0;
            boolean endOfTie = i + 1 == order.length || probabilities[order[i + 1]] != probabilities[order[i]];
            int flagged = i + 1;
            if (!endOfTie || flagged < MIN_FLAGGED) {
                continue;
            }
            double precision = (double) converted / flagged;
            if (precision >= target.precision()) {
                lowestMeeting = probabilities[order[i]];
            }
            if (precision > bestPrecision) {
                bestPrecision = precision;
                bestThreshold = probabilities[order[i]];
            }
        }
        if (!Double.isNaN(lowestMeeting)) {
            TradeOffCurve.Point point = TradeOffCurve.point(probabilities, labels, lowestMeeting);
            return new ThresholdAdvice(target, point, true, Double.NaN, String.format(Locale.ROOT,
                    "threshold %.3f: %.1f%% of its MQLs converted (target %.1f%%), flagging %.1f%% of leads "
                            + "and catching %.1f%% of conversions",
                    lowestMeeting, 100 * point.precision(), 100 * target.precision(), 100 * point.flaggedShare(),
                    100 * point.recall()));
        }
        TradeOffCurve.Point best = TradeOffCurve.point(probabilities, labels, bestThreshold);
        return new ThresholdAdvice(target, best, false, Double.NaN, String.format(Locale.ROOT,
                "no threshold reaches %.1f%% precision on held-out leads; the best is %.1f%% at threshold %.3f "
                        + "(flagging %.1f%% of leads)",
                100 * target.precision(), 100 * best.precision(), best.threshold(), 100 * best.flaggedShare()));
    }
}
