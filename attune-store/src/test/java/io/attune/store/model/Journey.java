package io.attune.store.model;

import io.attune.core.event.EventKind;
import io.attune.core.model.Cap;
import io.attune.core.model.DisqualifyRule;
import io.attune.core.model.EngagementRule;
import io.attune.core.model.FitRule;
import io.attune.core.model.ScoringModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scripted lead replayed against a starter model's rules to check that its thresholds mean what
 * the model file says. It applies conditions, caps and maxPoints but not decay: decay only lowers
 * engagement, so a journey that stays below the threshold here stays below it in the real scorer,
 * and over the few days of an engaged journey decay takes well under 1%. It is a check on the
 * model files, not a second scorer.
 */
final class Journey {
    private final ScoringModel model;
    private final Map<String, Object> lead = new HashMap<>();
    private final Map<String, Object> account = new HashMap<>();
    private final Map<String, List<Instant>> scoredAt = new HashMap<>();
    private final Map<String, Double> earned = new HashMap<>();
    private final Set<String> disqualifiedBy = new HashSet<>();
    private Instant now = Instant.parse("2026-03-02T09:00:00Z");

    Journey(ScoringModel model) {
        this.model = model;
        model.engagement().forEach(rule -> scoredAt.put(rule.id().value(), new ArrayList<>()));
    }

    Journey traits(Map<String, Object> traits) {
        lead.putAll(traits);
        checkAttributeDisqualifiers();
        return this;
    }

    Journey accountTraits(Map<String, Object> traits) {
        account.putAll(traits);
        checkAttributeDisqualifiers();
        return this;
    }

    Journey after(Duration elapsed) {
        now = now.plus(elapsed);
        return this;
    }

    Journey page(String path) {
        return page(path, Map.of(), Map.of());
    }

    Journey page(String path, Map<String, Object> pageExtras, Map<String, Object> campaign) {
        Map<String, Object> page = new HashMap<>(pageExtras);
        page.put("path", path);
        Map<String, Object> context = campaign.isEmpty() ? Map.of() : Map.of("campaign", campaign);
        return event(EventKind.PAGE, "", Map.of(), page, context);
    }

    Journey track(String name) {
        return track(name, Map.of());
    }

    Journey track(String name, Map<String, Object> props) {
        return event(EventKind.TRACK, name, props, Map.of(), Map.of());
    }

    double fit() {
        double fit = 0;
        MapFacts facts = attributes();
        for (FitRule rule : model.fit()) {
            if (rule.when().test(facts)) {
                fit += rule.points();
            }
        }
        return fit;
    }

    double engagement() {
        double total = 0;
        for (EngagementRule rule : model.engagement()) {
            double value = earned.getOrDefault(rule.id().value(), 0.0);
            total += rule.maxPoints().isPresent() ? Math.min(value, rule.maxPoints().getAsDouble()) : value;
        }
        return total;
    }

    boolean disqualified() {
        return !disqualifiedBy.isEmpty();
    }

    boolean qualifies() {
        double fit = fit();
        double engagement = engagement();
        if (disqualified()) {
            return false;
        }
        // As the core's Qualification: a grade matrix replaces both fitMin and the threshold.
        if (model.grades().isPresent()) {
            return model.grades().get().qualifies(fit, engagement);
        }
        return fit >= model.fitMin() && fit + engagement >= model.threshold();
    }

    @Override
    public String toString() {
        return "fit " + fit() + ", engagement " + engagement() + ", disqualified by " + disqualifiedBy;
    }

    private Journey event(EventKind kind, String name, Map<String, Object> props, Map<String, Object> page,
            Map<String, Object> context) {
        MapFacts facts = attributes()
                .with("event", Map.of("kind", kind.wireName(), "name", name))
                .with("props", props)
                .with("page", page)
                .with("context", context)
                .with("seen", seen());
        for (int index : model.engagementRulesFor(kind, name)) {
            EngagementRule rule = model.engagement().get(index);
            if (rule.when().test(facts) && underCap(rule)) {
                scoredAt.get(rule.id().value()).add(now);
                earned.merge(rule.id().value(), rule.points(), Double::sum);
            }
        }
        for (DisqualifyRule rule : model.disqualifyRulesFor(kind, name)) {
            if (rule.when().test(facts)) {
                disqualifiedBy.add(rule.id().value());
            }
        }
        return this;
    }

    private boolean underCap(EngagementRule rule) {
        if (rule.cap().isEmpty()) {
            return true;
        }
        Cap cap = rule.cap().get();
        Instant windowStart = now.minus(cap.per());
        long inWindow = scoredAt.get(rule.id().value()).stream().filter(at -> at.isAfter(windowStart)).count();
        return inWindow < cap.count();
    }

    private void checkAttributeDisqualifiers() {
        MapFacts facts = attributes();
        for (DisqualifyRule rule : model.disqualify()) {
            if (rule.onAttributes() && rule.when().test(facts)) {
                disqualifiedBy.add(rule.id().value());
            }
        }
    }

    private MapFacts attributes() {
        return MapFacts.empty().with("lead", Map.copyOf(lead)).with("account", Map.copyOf(account));
    }

    private Map<String, Object> seen() {
        Map<String, Object> seen = new HashMap<>();
        scoredAt.forEach((id, times) -> seen.put(id, (long) times.size()));
        return seen;
    }
}
