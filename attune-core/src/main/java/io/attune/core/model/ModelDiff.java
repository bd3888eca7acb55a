package io.attune.core.model;

import io.attune.core.event.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed from one model version to another, for the person approving it: each setting that
 * differs (thresholds, decay, the learned term's points, intercept, calibration, training note and
 * each rule's weight) and each rule added, removed or changed, with its condition and points
 * on both sides. Rules are matched by section and id.
 */
public record ModelDiff(ModelVersion from, ModelVersion to, List<SettingChange> settings, List<RuleChange> rules) {

    /** A model-wide setting, e.g. {@code threshold}, as text on each side (empty where it is not set). */
    public record SettingChange(String name, Optional<String> before, Optional<String> after) {
    }

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** A rule as the file states it; {@code points} is empty for disqualifying rules. */
    public record Rule(String when, Optional<Double> points, String detail) {
    }

    /** {@code section} is {@code fit}, {@code engagement}, {@code disqualify} or {@code account.fit}. */
    public record RuleChange(String section, String id, Kind kind, Optional<Rule> before, Optional<Rule> after) {
    }

    public ModelDiff {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        settings = List.copyOf(settings);
        rules = List.copyOf(rules);
    }

    public boolean isEmpty() {
        return settings.isEmpty() && rules.isEmpty();
    }

    public static ModelDiff between(ScoringModel from, ScoringModel to) {
        List<SettingChange> settings = new ArrayList<>();
        Map<String, Optional<String>> before = settings(from);
        Map<String, Optional<String>> after = settings(to);
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            Optional<String> was = before.getOrDefault(name, Optional.empty());
            Optional<String> now = after.getOrDefault(name, Optional.empty());
            if (!was.equals(now)) {
                settings.add(new SettingChange(name, was, now));
            }
        }
        List<RuleChange> rules = new ArrayList<>();
        Map<String, Rule> old = rules(from);
        Map<String, Rule> now = rules(to);
        for (Map.Entry<String, Rule> rule : old.entrySet()) {
            Rule next = now.get(rule.getKey());
            if (next == null) {
                rules.add(change(rule.getKey(), Kind.REMOVED, Optional.of(rule.getValue()), Optional.empty()));
            } else if (!next.equals(rule.getValue())) {
                rules.add(change(rule.getKey(), Kind.CHANGED, Optional.of(rule.getValue()), Optional.of(next)));
            }
        }
        for (Map.Entry<String, Rule> rule : now.entrySet()) {
            if (!old.containsKey(rule.getKey())) {
                rules.add(change(rule.getKey(), Kind.ADDED, Optional.empty(), Optional.of(rule.getValue())));
            }
        }
        return new ModelDiff(from.version(), to.version(), settings, rules);
    }

    private static RuleChange change(String key, Kind kind, Optional<Rule> before, Optional<Rule> after) {
        int slash = key.indexOf('/');
        return new RuleChange(key.substring(0, slash), key.substring(slash + 1), kind, before, after);
    }

    private static Map<String, Optional<String>> settings(ScoringModel model) {
        Map<String, Optional<String>> settings = new LinkedHashMap<>();
        settings.put("segment", Optional.of(model.segment().wireName()));
        settings.put("decayPerQuarter", Optional.of(number(model.decay().perQuarter())));
        settings.put("fitMin", Optional.of(number(model.fitMin())));
        settings.put("threshold", model.grades().isPresent() ? Optional.empty()
                : Optional.of(number(model.threshold())));
        settings.put("grades", model.grades().map(ModelDiff::grades));
        settings.put("account.threshold", model.account().map(account -> number(account.threshold())));
        settings.put("account.fitMin", model.account().map(account -> number(account.fitMin())));
        settings.put("account.minRoles", model.account().map(account -> Integer.toString(account.minRoles())));
        Optional<LearnedTerm> learned = model.learned();
        settings.put("learned.points", learned.map(term -> number(term.points())));
        settings.put("learned.intercept", learned.map(term -> number(term.intercept())));
        settings.put("learned.calibration", learned.map(term -> "slope " + number(term.slope()) + ", offset "
                + number(term.offset())));
        settings.put("learned.trainedOn", learned.map(LearnedTerm::trainedOn));
        // One setting per weight, so that a re-fit shows which rule's weight moved and by how much.
        learned.ifPresent(term -> term.weights().forEach((rule, weight) ->
                settings.put("learned.weights." + rule.value(), Optional.of(number(weight)))));
        return settings;
    }

    private static String grades(GradeMatrix matrix) {
        return "fit A/B/C " + number(matrix.fitA()) + "/" + number(matrix.fitB()) + "/" + number(matrix.fitC())
                + ", engagement 1/2/3 " + number(matrix.engagement1()) + "/" + number(matrix.engagement2()) + "/"
                + number(matrix.engagement3()) + ", qualifying " + String.join(" ", new TreeSet<>(matrix.qualifying()));
    }

    /** Rules by {@code section/id}, in file order. */
    private static Map<String, Rule> rules(ScoringModel model) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (FitRule rule : model.fit()) {
            rules.put("fit/" + rule.id().value(), new Rule(rule.when().source(), Optional.of(rule.points()), ""));
        }
        for (EngagementRule rule : model.engagement()) {
            String detail = rule.kind().wireName() + " " + String.join(", ", new TreeSet<>(rule.names()))
                    + rule.cap().map(cap -> "; at most " + cap.count() + " per " + cap.per()).orElse("")
                    + (rule.maxPoints().isPresent() ? "; max points " + number(rule.maxPoints().getAsDouble()) : "");
            rules.put("engagement/" + rule.id().value(), new Rule(rule.when().source(), Optional.of(rule.points()),
                    detail.strip()));
        }
        for (DisqualifyRule rule : model.disqualify()) {
            String on = rule.kind().map(EventKind::wireName).map(kind -> kind + " "
                    + String.join(", ", new TreeSet<>(rule.names())) + "; ").orElse("");
            rules.put("disqualify/" + rule.id().value(), new Rule(rule.when().source(), Optional.empty(),
                    on + "reason: " + rule.reason()));
        }
        model.account().ifPresent(account -> account.fit().forEach(rule -> rules.put("account.fit/"
                + rule.id().value(), new Rule(rule.when().source(), Optional.of(rule.points()), ""))));
        return rules;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
