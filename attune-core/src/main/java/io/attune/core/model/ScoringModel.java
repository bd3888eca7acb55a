package io.attune.core.model;

import io.attune.core.event.EventKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled, immutable scoring model for one segment. Engagement rules are indexed by event kind
 * and name so that an event is only tested against the rules that can apply to it.
 */
public final class ScoringModel {
    private final ModelVersion version;
    private final Segment segment;
    private final String description;
    private final Decay decay;
    private final double fitMin;
    private final double threshold;
    private final Optional<GradeMatrix> grades;
    private final List<FitRule> fit;
    private final List<EngagementRule> engagement;
    private final List<DisqualifyRule> disqualify;
    private final Optional<AccountModel> account;
    private final Optional<LearnedTerm> learned;
    private final Map<RuleId, Integer> engagementIndex;
    private final Map<EventKind, RuleLookup> lookups;

    public ScoringModel(
            ModelVersion version, Segment segment, String description, Decay decay, double fitMin, double threshold,
            Optional<GradeMatrix> grades, List<FitRule> fit, List<EngagementRule> engagement,
            List<DisqualifyRule> disqualify, Optional<AccountModel> account, Optional<LearnedTerm> learned) {
        this.version = Objects.requireNonNull(version, "version");
        this.segment = Objects.requireNonNull(segment, "segment");
        this.description = description == null ? "" : description;
        this.decay = Objects.requireNonNull(decay, "decay");
        ModelChecks.finite(fitMin, "fitMin");
        ModelChecks.finite(threshold, "threshold");
        this.fitMin = fitMin;
        this.threshold = threshold;
        this.grades = Objects.requireNonNull(grades, "grades");
        this.fit = List.copyOf(fit);
        this.engagement = List.copyOf(engagement);
        this.disqualify = List.copyOf(disqualify);
        this.account = Objects.requireNonNull(account, "account");
        this.learned = Objects.requireNonNull(learned, "learned");
        requireUniqueIds();
        requireLearnedRulesKnown();
        this.engagementIndex = indexEngagement();
        this.lookups = buildLookups();
    }

    private void requireUniqueIds() {
        Set<RuleId> seen = new HashSet<>();
        List<RuleId> all = new ArrayList<>();
        fit.forEach(rule -> all.add(rule.id()));
        engagement.forEach(rule -> all.add(rule.id()));
        disqualify.forEach(rule -> all.add(rule.id()));
        account.ifPresent(a -> a.fit().forEach(rule -> all.add(rule.id())));
        for (RuleId id : all) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("rule id " + id + " is used twice");
            }
        }
    }

    private void requireLearnedRulesKnown() {
        Set<RuleId> scored = new HashSet<>();
        fit.forEach(rule -> scored.add(rule.id()));
        engagement.forEach(rule -> scored.add(rule.id()));
        learned.ifPresent(term -> term.weights().keySet().forEach(id -> {
            if (!scored.contains(id)) {
                throw new IllegalArgumentException("learned.weights names no fit or engagement rule " + id);
            }
        }));
    }

    private Map<RuleId, Integer> indexEngagement() {
        Map<RuleId, Integer> index = new HashMap<>();
        for (int i = 0; i < engagement.size(); i++) {
            index.put(engagement.get(i).id(), i);
        }
        return Map.copyOf(index);
    }

    private Map<EventKind, RuleLookup> buildLookups() {
        Map<EventKind, RuleLookup> byKind = new EnumMap<>(EventKind.class);
        for (EventKind kind : EventKind.values()) {
            byKind.put(kind, RuleLookup.build(kind, engagement, disqualify));
        }
        return byKind;
    }

    public ModelVersion version() {
        return version;
    }

    public Segment segment() {
        return segment;
    }

    public String description() {
        return description;
    }

    public Decay decay() {
        return decay;
    }

    public double fitMin() {
        return fitMin;
    }

    public double threshold() {
        return threshold;
    }

    public Optional<GradeMatrix> grades() {
        return grades;
    }

    public List<FitRule> fit() {
        return fit;
    }

    public List<EngagementRule> engagement() {
        return engagement;
    }

    public List<DisqualifyRule> disqualify() {
        return disqualify;
    }

    public Optional<AccountModel> account() {
        return account;
    }

    /** The learned probability the model adds to its rules, if it has one. */
    public Optional<LearnedTerm> learned() {
        return learned;
    }

    /** The position of an engagement rule, which is where its tally lives in a lead's score. */
    public int engagementIndexOf(RuleId id) {
        Integer index = engagementIndex.get(id);
        return index == null ? -1 : index;
    }

    /** Positions of the engagement rules that may apply to an event of this kind and name. */
    public int[] engagementRulesFor(EventKind kind, String name) {
        return lookups.get(kind).engagement(name);
    }

    /** The disqualifying rules checked on events of this kind and name. */
    public List<DisqualifyRule> disqualifyRulesFor(EventKind kind, String name) {
        return lookups.get(kind).disqualify(name);
    }

    /** Rule candidates for one event kind, by name; rules without names apply to every name. */
    private static final class RuleLookup {
        private final Map<String, int[]> engagementByName;
        private final int[] engagementAnyName;
        private final Map<String, List<DisqualifyRule>> disqualifyByName;
        private final List<DisqualifyRule> disqualifyAnyName;

        private RuleLookup(Map<String, int[]> engagementByName, int[] engagementAnyName,
                Map<String, List<DisqualifyRule>> disqualifyByName, List<DisqualifyRule> disqualifyAnyName) {
            this.engagementByName = engagementByName;
            this.engagementAnyName = engagementAnyName;
            this.disqualifyByName = disqualifyByName;
            this.disqualifyAnyName = disqualifyAnyName;
        }

        static RuleLookup build(EventKind kind, List<EngagementRule> engagement, List<DisqualifyRule> disqualify) {
            List<Integer> any = new ArrayList<>();
            Map<String, List<Integer>> named = new HashMap<>();
            for (int i = 0; i < engagement.size(); i++) {
                EngagementRule rule = engagement.get(i);
                if (rule.kind() != kind) {
                    continue;
                }
                if (rule.names().isEmpty()) {
                    any.add(i);
                } else {
                    for (String name : rule.names()) {
                        named.computeIfAbsent(name, n -> new ArrayList<>()).add(i);
                    }
                }
            }
            Map<String, int[]> byName = new HashMap<>();
            named.forEach((name, positions) -> {
                Set<Integer> merged = new java.util.TreeSet<>(positions);
                merged.addAll(any);
                byName.put(name, merged.stream().mapToInt(Integer::intValue).toArray());
            });
            List<DisqualifyRule> disqualifyAny = new ArrayList<>();
            Map<String, List<DisqualifyRule>> disqualifyNamed = new HashMap<>();
            for (DisqualifyRule rule : disqualify) {
                if (rule.kind().isEmpty() || rule.kind().get() != kind) {
                    continue;
                }
                if (rule.names().isEmpty()) {
                    disqualifyAny.add(rule);
                } else {
                    rule.names().forEach(name -> disqualifyNamed.computeIfAbsent(name, n -> new ArrayList<>()).add(rule));
                }
            }
            Map<String, List<DisqualifyRule>> disqualifyByName = new HashMap<>();
            disqualifyNamed.forEach((name, rules) -> {
                List<DisqualifyRule> merged = new ArrayList<>(rules);
                merged.addAll(disqualifyAny);
                disqualifyByName.put(name, List.copyOf(merged));
            });
            return new RuleLookup(Map.copyOf(byName), any.stream().mapToInt(Integer::intValue).toArray(),
                    Map.copyOf(disqualifyByName), List.copyOf(disqualifyAny));
        }

        int[] engagement(String name) {
            int[] named = engagementByName.get(name);
            return named != null ? named : engagementAnyName;
        }

        List<DisqualifyRule> disqualify(String name) {
            List<DisqualifyRule> named = disqualifyByName.get(name);
            return named != null ? named : disqualifyAnyName;
        }
    }

    @Override
    public String toString() {
        return "ScoringModel[" + version + ", " + segment.wireName() + "]";
    }
}
