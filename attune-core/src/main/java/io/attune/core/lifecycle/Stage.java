package io.attune.core.lifecycle;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a lead is. {@code SUBSCRIBER} is a person known only by an anonymous id (they can be
 * scored but not handed over); {@code WAITLISTED} is a qualified consumer without clinical
 * capacity; {@code CRISIS_HOLD} suppresses all marketing and sales outreach.
 */
public enum Stage {
    SUBSCRIBER, LEAD, MQL, SQL, OPPORTUNITY, CUSTOMER, RECYCLED, DISQUALIFIED, WAITLISTED, CRISIS_HOLD;

    /** Worked out once: the writer names a kind or stage for every row it writes. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<Stage> fromWireName(String name) {
        for (Stage stage : values()) {
            if (stage.wireName().equals(name)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    /** How far along the funnel a stage is; used to keep the furthest stage when two leads merge. */
    public int progress() {
        return switch (this) {
            case SUBSCRIBER -> 0;
            case LEAD, RECYCLED, DISQUALIFIED -> 1;
            case WAITLISTED -> 2;
            case MQL -> 3;
            case SQL -> 4;
            case OPPORTUNITY -> 5;
            case CUSTOMER -> 6;
            case CRISIS_HOLD -> 7;
        };
    }
}
