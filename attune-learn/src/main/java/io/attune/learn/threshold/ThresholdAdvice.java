package io.attune.learn.threshold;

import java.util.Objects;

/**
 * A recommended threshold and what it would have meant on held-out leads.
 *
 * @param met            false when no threshold reaches the goal; the advice is then the closest one
 * @param mqlsPerWeek    expected MQLs a week at that threshold, when the weekly lead volume is known (else NaN)
 */
public record ThresholdAdvice(ThresholdGoal goal, TradeOffCurve.Point at, boolean met, double mqlsPerWeek,
                              String summary) {
    public ThresholdAdvice {
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(summary, "summary");
    }
}
