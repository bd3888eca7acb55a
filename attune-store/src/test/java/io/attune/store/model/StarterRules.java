package io.attune.store.model;

import io.attune.core.condition.Condition;
import io.attune.core.model.CommitteeRole;
import io.attune.core.model.DisqualifyRule;
import io.attune.core.model.EngagementRule;
import io.attune.core.model.FitRule;
import io.attune.core.model.ScoringModel;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** Finds a starter model's rule conditions by rule id (or committee role) for tests. */
final class StarterRules {
    private StarterRules() {
    }

    static Condition condition(ScoringModel model, String id) {
        for (FitRule rule : allFit(model)) {
            if (rule.id().value().equals(id)) {
                return rule.when();
            }
        }
        for (EngagementRule rule : model.engagement()) {
            if (rule.id().value().equals(id)) {
                return rule.when();
            }
        }
        for (DisqualifyRule rule : model.disqualify()) {
            if (rule.id().value().equals(id)) {
                return rule.when();
            }
        }
        for (CommitteeRole role : model.account().map(account -> account.committee()).orElse(List.of())) {
            if (role.role().equals(id)) {
                return role.when();
            }
        }
        throw new NoSuchElementException("no rule " + id + " in " + model);
    }

    static List<FitRule> allFit(ScoringModel model) {
        List<FitRule> rules = new ArrayList<>(model.fit());
        model.account().ifPresent(account -> rules.addAll(account.fit()));
        return rules;
    }

    /** Every condition in the model, with the id or role it belongs to. */
    static List<Named> all(ScoringModel model) {
        List<Named> all = new ArrayList<>();
        allFit(model).forEach(rule -> all.add(new Named(rule.id().value(), rule.when())));
        model.engagement().forEach(rule -> all.add(new Named(rule.id().value(), rule.when())));
        model.disqualify().forEach(rule -> all.add(new Named(rule.id().value(), rule.when())));
        model.account().ifPresent(account -> account.committee()
                .forEach(role -> all.add(new Named(role.role(), role.when()))));
        return all;
    }

    record Named(String id, Condition when) {
    }
}
