package io.attune.core.minors;

import io.attune.core.event.Attributes;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What is kept about a child under 13 (MINOR-01): only what reaching a parent or guardian, or
 * clinical intake, needs — how to contact them and their guardian, their age and where they are,
 * the language to speak — and nothing else they said. Names that start with {@code guardian} or
 * {@code parent} are the guardian's contact details.
 */
public final class RoutingTraits {
    private static final Set<String> KEPT = Set.of("email", "phone", "firstname", "lastname", "name", "age",
            "age_band", "ageband", "birthday", "dob", "date_of_birth", "dateofbirth", "birthdate", "state", "region",
            "country", "timezone", "time_zone", "preferredlanguage", "segment");

    private RoutingTraits() {
    }

    public static Attributes of(Attributes traits) {
        Map<String, Object> kept = new LinkedHashMap<>();
        traits.asMap().forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (KEPT.contains(key) || key.startsWith("guardian") || key.startsWith("parent")) {
                kept.put(name, value);
            }
        });
        return kept.size() == traits.size() ? traits : Attributes.of(kept);
    }
}
