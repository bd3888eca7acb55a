package io.attune.server.webhook;

import io.attune.core.event.Attributes;
import java.util.LinkedHashMap;
import java.util.Map;

/** Cuts traits down to what an allow-list names; everything else is dropped before any JSON is written. */
final class AllowedFields {
    private AllowedFields() {
    }

    static Map<String, Object> of(Attributes traits, FieldAllowList allowed) {
        Map<String, Object> kept = new LinkedHashMap<>();
        traits.asMap().forEach((name, value) -> {
            if (allowed.allows(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
