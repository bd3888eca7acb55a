package io.attune.core.scoring;

import io.attune.core.condition.ConditionFailure;
import io.attune.core.condition.Facts;
import io.attune.core.event.Event;
import io.attune.core.model.Cap;
import io.attune.core.model.Decay;
import io.attune.core.model.DisqualifyRule;
import io.attune.core.model.EngagementRule;
import io.attune.core.model.FitRule;
import io.attune.core.model.ScoringModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The pure scoring function: (model, score, event, facts) → new score and contributions. No clock,
 * no I/O; the event's own timestamp is the time of its contributions, so the same events in the
 * same order always give the same score.
 */
public final class Scorer {
    /**
     * Below this, what a rule at its maxPoints could still earn is not a contribution: scores are
     * shown to a tenth of a point, and a sliver would still use a cap slot and count in {@code seen}.
     */
    static final double NEGLIGIBLE = 0.01;

    /** Scores one event. {@code facts} must describe this event and the lead as it was before it. */
    public ScoreUpdate score(ScoringModel model, LeadScore score, Event event, Facts facts) {
        long at = event.timestamp().toEpochMilli();
        Decay decay = model.decay();
        int[] candidates = model.engagementRulesFor(event.kind(), event.name());
        RuleTally[] tallies = null;
        DecayingValue engagement = score.engagement();
        List<Contribution> contributions = new ArrayList<>(2);
        List<RuleFailure> failures = List.of();
        for (int index : candidates) {
            EngagementRule rule = model.engagement().get(index);
            boolean matched;
            try {
                matched = rule.when().test(facts);
            } catch (ConditionFailure failure) {
                failures = failed(failures, new RuleFailure(rule.id(), failure.getMessage()));
                continue;
            }
            if (!matched) {
                continue;
            }
            RuleTally tally = tallies == null ? score.tally(index) : tallyOf(tallies, index);
            Cap cap = rule.cap().orElse(null);
            if (cap != null && tally.capped(cap, at)) {
                continue;
            }
            double points = rule.points();
            if (rule.maxPoints().isPresent()) {
                points = Math.min(points, rule.maxPoints().getAsDouble() - tally.value().at(at, decay));
                if (points <= NEGLIGIBLE) {
                    continue;
                }
            }
            if (tallies == null) {
                tallies = score.talliesCopy();
            }
            tallies[index] = tally.scored(points, at, decay, cap);
            engagement = engagement.plus(points, at, decay);
            contributions.add(new Contribution(rule.id(), points, event.timestamp(), event.messageId()));
        }
        Disqualification byEvent = score.eventDisqualification().orElse(null);
        if (byEvent == null) {
            for (DisqualifyRule rule : model.disqualifyRulesFor(event.kind(), event.name())) {
                try {
                    if (rule.when().test(facts)) {
                        byEvent = new Disqualification(rule.id(), rule.reason(), event.timestamp());
                        break;
                    }
                } catch (ConditionFailure failure) {
                    failures = failed(failures, new RuleFailure(rule.id(), failure.getMessage()));
                }
            }
        }
        if (tallies == null && byEvent == score.eventDisqualification().orElse(null)) {
            return new ScoreUpdate(score, contributions, failures);
        }
        return new ScoreUpdate(score.withEngagement(engagement, tallies == null ? score.talliesCopy() : tallies,
                byEvent), contributions, failures);
    }

    /**
     * Recomputes fit and attribute disqualification from the lead's and account's attributes, as
     * of {@code at} (the time of the change that prompted it).
     */
    public FitUpdate fit(ScoringModel model, LeadScore score, AttributeFacts facts, java.time.Instant at) {
        double fit = 0;
        List<FitContribution> contributions = new ArrayList<>();
        List<RuleFailure> failures = new ArrayList<>();
        for (FitRule rule : model.fit()) {
            try {
                if (rule.when().test(facts)) {
                    fit += rule.points();
                    contributions.add(new FitContribution(rule.id(), rule.points()));
                }
            } catch (ConditionFailure failure) {
                failures.add(new RuleFailure(rule.id(), failure.getMessage()));
            }
        }
        Disqualification byAttributes = score.attributeDisqualification().orElse(null);
        Disqualification now = null;
        for (DisqualifyRule rule : model.disqualify()) {
            if (!rule.onAttributes()) {
                continue;
            }
            try {
                if (rule.when().test(facts)) {
                    boolean same = byAttributes != null && byAttributes.rule().equals(rule.id());
                    now = same ? byAttributes : new Disqualification(rule.id(), rule.reason(), at);
                    break;
                }
            } catch (ConditionFailure failure) {
                failures.add(new RuleFailure(rule.id(), failure.getMessage()));
            }
        }
        return new FitUpdate(score.withFit(fit, contributions, now), failures);
    }

    private static RuleTally tallyOf(RuleTally[] tallies, int index) {
        RuleTally tally = tallies[index];
        return tally == null ? RuleTally.empty() : tally;
    }

    private static List<RuleFailure> failed(List<RuleFailure> failures, RuleFailure failure) {
        List<RuleFailure> more = failures.isEmpty() ? new ArrayList<>(2) : failures;
        more.add(failure);
        return more;
    }

    /** The score after a fit recomputation, and the rules that failed on the way. */
    public record FitUpdate(LeadScore score, List<RuleFailure> failures) {
        public FitUpdate {
            failures = List.copyOf(failures);
        }
    }
}
