package io.attune.server.webhook;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A mapping of hand-offs to one CRM object's properties, read from a preset file (see
 * {@link PresetFiles} and docs/webhooks.md). A preset is data: {@link PresetMapper} applies any of
 * them, so supporting another CRM takes a new file, not code.
 */
public record Preset(String name, String description, List<PresetProperty> properties) {
    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        properties = List.copyOf(properties);
        Set<String> seen = new HashSet<>();
        for (PresetProperty property : properties) {
            if (!seen.add(property.name())) {
                throw new IllegalArgumentException("preset " + name + " sets " + property.name() + " twice");
            }
        }
    }
}
