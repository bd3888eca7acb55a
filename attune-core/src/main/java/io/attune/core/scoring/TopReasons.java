package io.attune.core.scoring;

import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules worth most in a score at an instant: fit rules at their points, engagement rules at their decayed value. */
public final class TopReasons {
    /** Below this a rule is rounding noise, not a reason. */
    private static final double NOTICEABLE = 0.05;

    private TopReasons() {
    }

    /** One rule and what it is worth now; {@code fit} tells fit from engagement. */
    public record Reason(RuleId rule, double value, boolean fit) {
    }

    public static List<Reason> of(ScoringModel model, LeadScore score, Instant at, int limit) {
        Map<RuleId, Reason> worth = new LinkedHashMap<>();
        for (FitContribution contribution : score.fitContributions()) {
            worth.merge(contribution.rule(), new Reason(contribution.rule(), contribution.points(), true),
                    (a, b) -> new Reason(a.rule(), a.value() + b.value(), true));
        }
        long atMillis = at.toEpochMilli();
        score.tallies(model).forEach((rule, tally) -> worth.merge(rule,
                new Reason(rule, tally.value().at(atMillis, model.decay()), false),
                (a, b) -> new Reason(a.rule(), a.value() + b.value(), a.fit())));
        List<Reason> reasons = new ArrayList<>();
        for (Reason reason : worth.values()) {
            if (reason.value() > NOTICEABLE) {
                reasons.add(reason);
            }
        }
        reasons.sort(Comparator.comparingDouble(Reason::value).reversed().thenComparing(r -> r.rule().value()));
        return reasons.subList(0, Math.min(limit, reasons.size()));
    }
}
