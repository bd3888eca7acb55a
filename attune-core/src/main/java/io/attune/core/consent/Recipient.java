package io.attune.core.consent;

import java.util.Locale;

/**
 * The organisation or recipient a consent names (the seller of TCPA-01, the recipient of a share,
 * a Part 2 disclosure or a HIPAA authorisation). Kept as written, with runs of white space made one
 * space; two names are the same recipient when they differ only in case.
 */
public record Recipient(String name) {
    public static final int MAX_LENGTH = 200;

    public Recipient {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a recipient is named");
        }
        name = name.strip().replaceAll("\\s+", " ");
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a recipient's name is at most " + MAX_LENGTH + " characters");
        }
    }

    public boolean sameAs(Recipient other) {
        return key().equals(other.key());
    }

    /** The name as compared: lower case. */
    String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
