package io.attune.core.scoring;

import io.attune.core.lead.LeadState;
import io.attune.core.model.Decay;
import io.attune.core.model.LearnedTerm;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's learned term for one lead at one instant: the points it adds ({@code points × p}), the
 * calibrated probability {@code p}, the logit and each weighted rule's share of it. It reads only
 * the rule values the score already keeps — an engagement rule's tally decayed to the instant, a
 * fit rule's points when it holds — so it costs O(rules) at read time and nothing per event.
 */
public record LearnedValue(double points, double probability, double logit, List<Share> shares) {

    /** One rule's part of the logit: {@code weight × value}, with the rule's value at the instant. */
    public record Share(RuleId rule, double weight, double value, double share) {
    }

    public LearnedValue {
        shares = List.copyOf(shares);
    }

    /** The term at {@code atMillis}; empty when the model has no learned term. */
    public static Optional<LearnedValue> of(ScoringModel model, LeadScore score, long atMillis) {
        if (model.learned().isEmpty()) {
            return Optional.empty();
        }
        LearnedTerm term = model.learned().get();
        Decay decay = model.decay();
        Map<RuleId, Double> fitPoints = new HashMap<>();
        score.fitContributions().forEach(fit -> fitPoints.merge(fit.rule(), fit.points(), Double::sum));
        List<Share> shares = new ArrayList<>(term.weights().size());
        double logit = term.intercept();
        for (Map.Entry<RuleId, Double> weight : term.weights().entrySet()) {
            int index = model.engagementIndexOf(weight.getKey());
            double value = index >= 0 ? score.tally(index).value().at(atMillis, decay)
                    : fitPoints.getOrDefault(weight.getKey(), 0.0);
            double share = weight.getValue() * value;
            shares.add(new Share(weight.getKey(), weight.getValue(), value, share));
            logit += share;
        }
        double probability = term.probability(logit);
        return Optional.of(new LearnedValue(term.points() * probability, probability, logit, shares));
    }

    /**
     * The term for a lead: empty, like the rest of its score, while the privacy rules withhold its
     * scoring — the intercept alone would otherwise give a lead whose score may not be derived points.
     */
    public static Optional<LearnedValue> of(ScoringModel model, LeadState lead, long atMillis) {
        return lead.privacy().scoringWithheld() ? Optional.empty() : of(model, lead.score(), atMillis);
    }

    static double pointsOf(Optional<LearnedValue> value) {
        return value.map(LearnedValue::points).orElse(0.0);
    }
}
