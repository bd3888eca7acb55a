package io.attune.core.rights;

import java.util.Locale;

/** How far the deletion request sent to a recipient got, as the outbox tells it. */
public enum Delivery {
    /** Written, not yet tried. */
    QUEUED,
    /** Tried and failed; it will be tried again. */
    RETRYING,
    /** The recipient accepted it. */
    DELIVERED,
    /** Every attempt failed: it waits in the dead letters for a replay. */
    DEAD_LETTERED,
    /** The egress policy would not let it leave. */
    BLOCKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
