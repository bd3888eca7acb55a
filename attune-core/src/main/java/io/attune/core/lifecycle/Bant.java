package io.attune.core.lifecycle;

/**
 * What sales confirmed when accepting a lead as an SQL: budget, authority, need and timeline, in
 * their own words.
 */
public record Bant(String budget, String authority, String need, String timeline) {
    public static final int MAX_LENGTH = 500;

    public Bant {
        budget = required(budget, "budget");
        authority = required(authority, "authority");
        need = required(need, "need");
        timeline = required(timeline, "timeline");
    }

    private static String required(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is required: an SQL has confirmed budget, authority, need "
                    + "and timeline");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_LENGTH + " characters");
        }
        return text.strip();
    }
}
