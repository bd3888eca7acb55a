package io.attune.server.backtest;

import io.attune.core.event.Event;
import io.attune.core.event.Identify;
import io.attune.core.identity.Identity;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.Safeguards;
import io.attune.core.model.ScoringModel;
import io.attune.core.scoring.Contribution;
import io.attune.core.scoring.FitContribution;
import io.attune.core.scoring.LeadScore;
import io.attune.core.scoring.Qualification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lead replayed under one model with the core scorer, event by event, so that the moment it
 * first qualifies is known: the same steps {@link LeadScoring#replay} takes (the first event's
 * replay, then each later event applied), which is what makes the final score equal to a full replay.
 *
 * @param score the lead's score after its last event up to the cut-off
 * @param total fit plus engagement read at the cut-off
 * @param qualifiedAt when it first qualified (identified, and the model's qualification holds), if it did
 * @param reasons the rules that gave the most at the cut-off, best first
 * @param rulePoints what each fit and engagement rule that scored is worth at the cut-off (after decay and
 *     caps; a fit rule's points while it holds), by rule id
 */
public record LeadRun(LeadScore score, double total, boolean qualifiesAtCutOff, Optional<Instant> qualifiedAt,
        List<Reason> reasons, Map<String, Double> rulePoints) {

    public LeadRun {
        reasons = List.copyOf(reasons);
        rulePoints = Map.copyOf(rulePoints);
    }

    /** A rule and what it is worth at the cut-off (fit rules do not decay). */
    public record Reason(String rule, double points) {
    }

    public static LeadRun of(LeadScoring scoring, ScoringModel model, LeadState lead, List<Event> history,
            Map<String, Object> account, Safeguards safeguards, Instant cutOff) {
        LeadScoring.Replay first = scoring.replay(model, lead, history.subList(0, 1), account, safeguards);
        LeadState state = first.lead();
        List<Contribution> contributions = new ArrayList<>(first.contributions());
        boolean identified = identifies(history.get(0));
        Optional<Instant> qualifiedAt = qualifies(model, state, identified, history.get(0).timestamp())
                ? Optional.of(history.get(0).timestamp()) : Optional.empty();
        for (Event event : history.subList(1, history.size())) {
            LeadScoring.Step step = scoring.apply(model, state, event, account, false, safeguards);
            state = step.lead();
            contributions.addAll(step.contributions());
            identified |= identifies(event);
            if (qualifiedAt.isEmpty() && qualifies(model, state, identified, event.timestamp())) {
                qualifiedAt = Optional.of(event.timestamp());
            }
        }
        Qualification atCutOff = Qualification.of(model, state, cutOff);
        return new LeadRun(state.score(), atCutOff.total(), identified && atCutOff.qualified(), qualifiedAt,
                reasons(model, state.score(), contributions, cutOff), rulePoints(model, state.score(), cutOff));
    }

    private static boolean qualifies(ScoringModel model, LeadState lead, boolean identified, Instant at) {
        return identified && Qualification.of(model, lead, at).qualified();
    }

    /**
     * Whether an event makes its lead reachable, as recording decides it: a user id, or an email
     * in identify traits. Replaying the lead's own events up to the cut-off tells whether it was
     * identified then, which the lead's stored state (as of now) cannot.
     */
    private static boolean identifies(Event event) {
        return event.header().userId() != null || event instanceof Identify identify
                && identify.traits().text("email").flatMap(Identity::email).isPresent();
    }

    private static Map<String, Double> rulePoints(ScoringModel model, LeadScore score, Instant cutOff) {
        Map<String, Double> byRule = new HashMap<>();
        for (FitContribution fit : score.fitContributions()) {
            byRule.merge(fit.rule().value(), fit.points(), Double::sum);
        }
        long at = cutOff.toEpochMilli();
        score.tallies(model).forEach((rule, tally) -> byRule.merge(rule.value(), tally.value().at(at, model.decay()),
                Double::sum));
        return byRule;
    }

    private static List<Reason> reasons(ScoringModel model, LeadScore score, List<Contribution> contributions,
            Instant cutOff) {
        Map<String, Double> byRule = new HashMap<>();
        for (FitContribution fit : score.fitContributions()) {
            byRule.merge(fit.rule().value(), fit.points(), Double::sum);
        }
        for (Contribution contribution : contributions) {
            byRule.merge(contribution.rule().value(), contribution.valueAt(cutOff, model.decay()), Double::sum);
        }
        return byRule.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(entry -> new Reason(entry.getKey(), entry.getValue())).toList();
    }
}
