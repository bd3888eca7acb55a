package io.attune.server.models;

import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import java.util.HashMap;
import java.util.Map;

/** What each rule of a model is for, in its author's words, by rule id; empty text when the author gave none. */
public final class RuleDescriptions {
    private final Map<RuleId, String> byId = new HashMap<>();

    public RuleDescriptions(ScoringModel model) {
        model.fit().forEach(rule -> byId.put(rule.id(), rule.description()));
        model.engagement().forEach(rule -> byId.put(rule.id(), rule.description()));
        model.disqualify().forEach(rule -> byId.put(rule.id(), rule.description()));
        model.account().ifPresent(account -> account.fit().forEach(rule -> byId.put(rule.id(), rule.description())));
    }

    public String of(RuleId rule) {
        return byId.getOrDefault(rule, "");
    }
}
