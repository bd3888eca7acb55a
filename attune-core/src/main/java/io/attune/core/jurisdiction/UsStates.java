package io.attune.core.jurisdiction;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** US states and DC by two-letter code and by name, and what counts as the United States. */
final class UsStates {
    private static final Map<String, String> BY_NAME = byName();
    private static final Set<String> US = Set.of("us", "usa", "u.s.", "u.s.a.", "united states",
            "united states of america");

    private UsStates() {
    }

    /** The two-letter code of a state named by code or name, in any case. */
    static Optional<String> code(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        if (key.length() == 2 && BY_NAME.containsValue(key.toUpperCase(Locale.ROOT))) {
            return Optional.of(key.toUpperCase(Locale.ROOT));
        }
        return Optional.ofNullable(BY_NAME.get(key));
    }

    static boolean isUnitedStates(String country) {
        return US.contains(country.strip().toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> byName() {
        String[] pairs = {
            "alabama", "AL", "alaska", "AK", "arizona", "AZ", "arkansas", "AR", "california", "CA",
            "colorado", "CO", "connecticut", "CT", "delaware", "DE", "district of columbia", "DC",
            "florida", "FL", "georgia", "GA", "hawaii", "HI", "idaho", "ID", "illinois", "IL", "indiana", "IN",
            "iowa", "IA", "kansas", "KS", "kentucky", "KY", "louisiana", "LA", "maine", "ME", "maryland", "MD",
            "massachusetts", "MA", "michigan", "MI", "minnesota", "MN", "mississippi", "MS", "missouri", "MO",
            "montana", "MT", "nebraska", "NE", "nevada", "NV", "new hampshire", "NH", "new jersey", "NJ",
            "new mexico", "NM", "new york", "NY", "north carolina", "NC", "north dakota", "ND", "ohio", "OH",
            "oklahoma", "OK", "oregon", "OR", "pennsylvania", "PA", "rhode island", "RI",
            "south carolina", "SC", "south dakota", "SD", "tennessee", "TN", "texas", "TX", "utah", "UT",
            "vermont", "VT", "virginia", "VA", "washington", "WA", "west virginia", "WV", "wisconsin", "WI",
            "wyoming", "WY",
        };
        Map<String, String> names = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            names.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(names);
    }
}
