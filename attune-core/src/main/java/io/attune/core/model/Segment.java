package io.attune.core.model;

import java.util.Locale;
import java.util.Optional;

/** The five kinds of lead Attune ships a starter model for. Consumer leads are PHI. */
public enum Segment {
    CONSUMER, EMPLOYER, PAYER, REFERRAL, COMMUNITY;

    /** Worked out once: the writer names a kind or stage for every row it writes. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public boolean isBusiness() {
        return this != CONSUMER;
    }

    public static Optional<Segment> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Segment segment : values()) {
            if (segment.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(segment);
            }
        }
        return Optional.empty();
    }
}
