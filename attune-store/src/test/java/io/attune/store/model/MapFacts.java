package io.attune.store.model;

import io.attune.core.condition.Facts;
import java.util.HashMap;
import java.util.Map;

/** Hand-built facts: each variable is a plain map, absent variables are empty. Numbers must be longs or doubles, as CEL has them. */
record MapFacts(Map<String, Map<String, Object>> variables) implements Facts {

    static MapFacts empty() {
        return new MapFacts(Map.of());
    }

    static MapFacts lead(Map<String, Object> traits) {
        return new MapFacts(Map.of("lead", traits));
    }

    MapFacts with(String variable, Map<String, Object> value) {
        Map<String, Map<String, Object>> copy = new HashMap<>(variables);
        copy.put(variable, value);
        return new MapFacts(copy);
    }

    @Override
    public Map<String, Object> variable(String name) {
        return variables.getOrDefault(name, Map.of());
    }
}
