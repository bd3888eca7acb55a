package io.attune.core.scoring;

import io.attune.core.model.Decay;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead's score under one model: fit (does not decay) with its contributions, engagement as one
 * decaying value, a tally per engagement rule (indexed like the model's engagement rules), and a
 * disqualification if a rule took the lead out. Immutable; the scorer returns new instances.
 */
public final class LeadScore {
    private final double fit;
    private final List<FitContribution> fitContributions;
    private final DecayingValue engagement;
    private final RuleTally[] tallies;
    private final Disqualification attributeDisqualification;
    private final Disqualification eventDisqualification;

    LeadScore(double fit, List<FitContribution> fitContributions, DecayingValue engagement, RuleTally[] tallies,
            Disqualification attributeDisqualification, Disqualification eventDisqualification) {
        this.fit = fit;
        this.fitContributions = List.copyOf(fitContributions);
        this.engagement = Objects.requireNonNull(engagement, "engagement");
        this.tallies = tallies;
        this.attributeDisqualification = attributeDisqualification;
        this.eventDisqualification = eventDisqualification;
    }

    /** The score of a lead nothing is known about yet. */
    public static LeadScore empty(ScoringModel model) {
        return new LeadScore(0, List.of(), DecayingValue.ZERO, new RuleTally[model.engagement().size()], null, null);
    }

    /** This score with nothing earned: what is left of a lead whose score may no longer be derived. */
    public LeadScore cleared() {
        return new LeadScore(0, List.of(), DecayingValue.ZERO, new RuleTally[tallies.length], null, null);
    }

    /**
     * Rebuilds a stored score. {@code tallies} are by rule id; ids the model does not know are
     * rejected, because a score belongs to the model version that produced it.
     */
    public static LeadScore restore(ScoringModel model, double fit, List<FitContribution> fitContributions,
            DecayingValue engagement, Map<RuleId, RuleTally> tallies, Optional<Disqualification> byAttributes,
            Optional<Disqualification> byEvent) {
        RuleTally[] indexed = new RuleTally[model.engagement().size()];
        tallies.forEach((rule, tally) -> {
            int index = model.engagementIndexOf(rule);
            if (index < 0) {
                throw new IllegalArgumentException("model " + model.version() + " has no engagement rule " + rule);
            }
            indexed[index] = tally;
        });
        return new LeadScore(fit, fitContributions, engagement, indexed, byAttributes.orElse(null),
                byEvent.orElse(null));
    }

    public double fit() {
        return fit;
    }

    public List<FitContribution> fitContributions() {
        return fitContributions;
    }

    /** The raw engagement aggregate; negative rules can take it below zero. */
    public DecayingValue engagement() {
        return engagement;
    }

    /** Engagement at {@code atMillis}, never below zero. */
    public double engagementAt(long atMillis, Decay decay) {
        return Math.max(0, engagement.at(atMillis, decay));
    }

    public Optional<Disqualification> disqualification() {
        return Optional.ofNullable(eventDisqualification != null ? eventDisqualification : attributeDisqualification);
    }

    public Optional<Disqualification> attributeDisqualification() {
        return Optional.ofNullable(attributeDisqualification);
    }

    public Optional<Disqualification> eventDisqualification() {
        return Optional.ofNullable(eventDisqualification);
    }

    /** The tally of the engagement rule at {@code index} in the model, empty if it never scored. */
    public RuleTally tally(int index) {
        RuleTally tally = tallies[index];
        return tally == null ? RuleTally.empty() : tally;
    }

    int ruleCount() {
        return tallies.length;
    }

    /** Tallies of the rules that scored, by rule id, in model order. */
    public Map<RuleId, RuleTally> tallies(ScoringModel model) {
        Map<RuleId, RuleTally> byId = new LinkedHashMap<>();
        for (int i = 0; i < tallies.length; i++) {
            if (tallies[i] != null) {
                byId.put(model.engagement().get(i).id(), tallies[i]);
            }
        }
        return byId;
    }

    LeadScore withEngagement(DecayingValue engagement, RuleTally[] tallies, Disqualification byEvent) {
        return new LeadScore(fit, fitContributions, engagement, tallies, attributeDisqualification, byEvent);
    }

    LeadScore withFit(double fit, List<FitContribution> contributions, Disqualification byAttributes) {
        return new LeadScore(fit, contributions, engagement, tallies, byAttributes, eventDisqualification);
    }

    RuleTally[] talliesCopy() {
        return tallies.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LeadScore that && Double.compare(fit, that.fit) == 0
                && fitContributions.equals(that.fitContributions) && engagement.equals(that.engagement)
                && Arrays.equals(tallies, that.tallies)
                && Objects.equals(attributeDisqualification, that.attributeDisqualification)
                && Objects.equals(eventDisqualification, that.eventDisqualification);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fit, engagement, Arrays.hashCode(tallies));
    }

    @Override
    public String toString() {
        return "LeadScore[fit=" + fit + ", engagement=" + engagement + "]";
    }
}
