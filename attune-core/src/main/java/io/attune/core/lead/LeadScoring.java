package io.attune.core.lead;

import io.attune.core.condition.ConditionFailure;
import io.attune.core.consent.ConsentsOf;
import io.attune.core.consent.Purpose;
import io.attune.core.crisis.EventScreen;
import io.attune.core.crisis.Screening;
import io.attune.core.event.Event;
import io.attune.core.event.Identify;
import io.attune.core.minors.AgeBand;
import io.attune.core.minors.RoutingTraits;
import io.attune.core.model.CommitteeRole;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.scoring.AttributeFacts;
import io.attune.core.scoring.Contribution;
import io.attune.core.scoring.EventFacts;
import io.attune.core.scoring.LeadScore;
import io.attune.core.scoring.RuleFailure;
import io.attune.core.scoring.ScoreUpdate;
import io.attune.core.scoring.Scorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies events to one lead under one model: identify traits, fit, committee roles and the
 * event's engagement. Live recording and replay (merges, segment changes, explanations) both go
 * through {@link #apply}, which is what keeps a replayed lead equal to the recorded one.
 *
 * <p>An event whose free text is crisis language ({@link EventScreen}) earns nothing: crisis never
 * raises a score (CRISIS-05), live or replayed. Its traits still count, so that the lead stays
 * reachable.
 *
 * <p>Before anything is scored the {@link ScoringGate} decides whether a score may be derived at
 * all (STATE-02/05, MINOR-01); when it may not, the event earns nothing and the score is cleared.
 * Crisis screening runs either way: it protects the person, it does not score them. What the rules
 * see of a consumer leaves out substance-use traits unless a Part 2 consent is on the ledger (SUD-01).
 */
public final class LeadScoring {
    private final Scorer scorer = new Scorer();
    private final EventScreen screen;

    public LeadScoring() {
        this(EventScreen.standard());
    }

    public LeadScoring(EventScreen screen) {
        this.screen = screen;
    }

    /** The lead after one event, what the event earned, and what crisis screening found in its free text. */
    public record Step(LeadState lead, List<Contribution> contributions, List<RuleFailure> failures,
            Screening screening) {
    }

    /** Everything a replay earned, in order, and the lead it produced. */
    public record Replay(LeadState lead, List<Contribution> contributions, List<RuleFailure> failures) {
    }

    /**
     * @param account the lead's account facts, empty when it has none
     * @param accountChanged whether the account's traits changed since the lead's fit was computed
     */
    public Step apply(ScoringModel model, LeadState lead, Event event, Map<String, Object> account,
            boolean accountChanged, Safeguards safeguards) {
        return apply(model, lead, event, screen(event), account, accountChanged, safeguards);
    }

    /** What this scoring's screen finds in the event's free text. */
    public Screening screen(Event event) {
        return screen.screen(event);
    }

    /**
     * As {@link #apply(ScoringModel, LeadState, Event, Map, boolean, Safeguards)}, with the event's
     * {@code screening} already done (by whoever received it).
     */
    public Step apply(ScoringModel model, LeadState lead, Event event, Screening screening,
            Map<String, Object> account, boolean accountChanged, Safeguards safeguards) {
        List<RuleFailure> failures = new ArrayList<>(0);
        LeadState current = lead;
        boolean traitsChanged = false;
        if (event instanceof Identify identify) {
            // consents go to the ledger (RecordEvent), not onto the lead
            LeadTraits traits = current.traits().overlaidWith(ConsentsOf.withoutConsent(identify.traits()));
            traitsChanged = !traits.equals(current.traits());
            current = current.withTraits(traits);
        }
        boolean wasWithheld = current.privacy().scoringWithheld();
        current = current.withPrivacy(safeguards.gate().check(current.segment(), current.traits(), current.privacy(),
                event, safeguards::consents, safeguards.settled()));
        if (current.segment() == Segment.CONSUMER && current.privacy().age() == AgeBand.UNDER_13) {
            // a child: keep only what reaching a guardian or clinical intake needs (MINOR-01)
            current = current.withTraits(LeadTraits.of(RoutingTraits.of(current.traits().attributes())));
        }
        if (current.privacy().scoringWithheld()) {
            return new Step(current.withScore(current.score().cleared()).withRoles(Set.of())
                    .seen(event.timestamp(), event.header().receivedAt()), List.of(), failures, screening);
        }
        Map<String, Object> facts = scoringFacts(current, safeguards, event.timestamp());
        if (traitsChanged || accountChanged || wasWithheld) {
            current = refit(model, current, facts, account, event.timestamp(), failures);
        }
        if (screening instanceof Screening.Crisis) {
            return new Step(current.seen(event.timestamp(), event.header().receivedAt()), List.of(), failures,
                    screening);
        }
        ScoreUpdate update = scorer.score(model, current.score(),
                event, new EventFacts(event, facts, account, current.score(), model));
        failures.addAll(update.failures());
        current = current.withScore(update.score()).seen(event.timestamp(), event.header().receivedAt());
        return new Step(current, update.contributions(), failures, screening);
    }

    /**
     * Fit, attribute disqualification and committee roles from the account's facts alone, for a lead
     * that has no traits yet (a new lead, or a replay's start); traits count through {@link #apply},
     * under the workspace's {@link Safeguards}.
     */
    public LeadState fitWithoutTraits(ScoringModel model, LeadState lead, Map<String, Object> account, Instant at,
            List<RuleFailure> failures) {
        return refit(model, lead, Map.of(), account, at, failures);
    }

    /**
     * What scoring may see of the lead, as the workspace's dictionary classes its traits (SUD-01): a
     * consumer's substance-use traits only under a Part 2 consent; the sensitive attributes never
     * (USE-10, left out of {@link LeadTraits#facts}).
     */
    private static Map<String, Object> scoringFacts(LeadState lead, Safeguards safeguards, Instant at) {
        Map<String, Object> facts = lead.traits().facts(safeguards.dictionary());
        if (lead.segment() != Segment.CONSUMER) {
            return facts;
        }
        Map<String, Object> without = lead.traits().factsWithoutSubstanceUse(safeguards.dictionary());
        if (without.size() == facts.size() || safeguards.consents().holds(Purpose.PART2_WRITTEN_CONSENT,
                Optional.empty(), Optional.empty(), at)) {
            return facts;
        }
        return without;
    }

    private LeadState refit(ScoringModel model, LeadState lead, Map<String, Object> leadFacts,
            Map<String, Object> account, Instant at, List<RuleFailure> failures) {
        AttributeFacts facts = new AttributeFacts(leadFacts, account);
        Scorer.FitUpdate fit = scorer.fit(model, lead.score(), facts, at);
        failures.addAll(fit.failures());
        return lead.withScore(fit.score()).withRoles(roles(model, facts, failures));
    }

    private static Set<String> roles(ScoringModel model, AttributeFacts facts, List<RuleFailure> failures) {
        if (model.account().isEmpty()) {
            return Set.of();
        }
        Set<String> roles = new TreeSet<>();
        for (CommitteeRole role : model.account().get().committee()) {
            try {
                if (role.when().test(facts)) {
                    roles.add(role.role());
                }
            } catch (ConditionFailure failure) {
                failures.add(new RuleFailure(new RuleId("committee." + role.role()), failure.getMessage()));
            }
        }
        return roles;
    }

    /**
     * Recomputes a lead from its history under {@code model}: traits, fit and score start empty and
     * every event is applied again in order. Identity, stage and account are kept.
     */
    public Replay replay(ScoringModel model, LeadState lead, List<Event> history, Map<String, Object> account,
            Safeguards safeguards) {
        if (history.isEmpty()) {
            LeadState empty = lead.withTraits(LeadTraits.NONE).rescoredUnder(model.segment(), model.version(),
                    LeadScore.empty(model));
            List<RuleFailure> failures = new ArrayList<>();
            return new Replay(fitWithoutTraits(model, empty, account, lead.firstSeen(), failures), List.of(),
                    failures);
        }
        Event first = history.get(0);
        LeadState current = new LeadState(lead.id(), model.segment(), lead.stage(), lead.identified(),
                LeadTraits.NONE, lead.account(), Set.of(), model.version(), LeadScore.empty(model),
                first.timestamp(), first.timestamp(), 0, first.header().receivedAt(), lead.sales(), lead.crisis(),
                LeadPrivacy.NONE);
        List<RuleFailure> failures = new ArrayList<>();
        current = fitWithoutTraits(model, current, account, first.timestamp(), failures);
        List<Contribution> contributions = new ArrayList<>();
        for (Event event : history) {
            Step step = apply(model, current, event, account, false, safeguards);
            current = step.lead();
            contributions.addAll(step.contributions());
            failures.addAll(step.failures());
        }
        return new Replay(current, contributions, failures);
    }
}
