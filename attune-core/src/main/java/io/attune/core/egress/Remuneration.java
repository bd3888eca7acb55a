package io.attune.core.egress;

import java.util.Locale;
import java.util.Optional;

/** How money moves with the leads sent to a destination, declared with it (USE-04, SUD-04). */
public enum Remuneration {
    /** No payment tied to the leads: the organisation's own CRM, intake team, email or SMS vendor. */
    NONE,
    /** A fixed fee, not tied to volume. */
    FLAT,
    PER_LEAD, PER_CALL, PER_ADMISSION, REV_SHARE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Paid by volume — per lead, call, admission or as a share of revenue: never for substance-use leads (SUD-04). */
    public boolean byVolume() {
        return this == PER_LEAD || this == PER_CALL || this == PER_ADMISSION || this == REV_SHARE;
    }

    public static Optional<Remuneration> fromWireName(String name) {
        for (Remuneration remuneration : values()) {
            if (remuneration.wireName().equals(name)) {
                return Optional.of(remuneration);
            }
        }
        return Optional.empty();
    }
}
