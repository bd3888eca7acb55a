package io.attune.core.consent;

import java.util.Objects;
import java.util.Optional;

/**
 * The words the person was shown or said, verbatim — never trimmed or normalised — and the version
 * of the form or script they came from.
 */
public record Disclosure(String text, Optional<String> version) {
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_VERSION = 100;

    public Disclosure {
        Objects.requireNonNull(version, "version");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a disclosure has text");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a disclosure's text is at most " + MAX_TEXT + " characters");
        }
        if (version.filter(v -> v.isBlank() || v.length() > MAX_VERSION).isPresent()) {
            throw new IllegalArgumentException("a disclosure's version is 1-" + MAX_VERSION + " characters");
        }
    }
}
