package io.attune.core.scoring;

import io.attune.core.condition.Facts;
import java.util.Map;

/** The facts fit rules, attribute disqualifiers and committee roles see: the lead and its account. */
public record AttributeFacts(Map<String, Object> lead, Map<String, Object> account) implements Facts {
    @Override
    public Map<String, Object> variable(String name) {
        return switch (name) {
            case "lead" -> lead;
            case "account" -> account;
            default -> Map.of();
        };
    }
}
