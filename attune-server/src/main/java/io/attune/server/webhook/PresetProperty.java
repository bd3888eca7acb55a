package io.attune.server.webhook;

import java.util.Objects;

/** One CRM property of a preset and the rule that gives its value. */
public record PresetProperty(String name, PresetRule rule) {
    public PresetProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a preset property needs a name");
        }
    }
}
