package io.attune.core.egress;

import java.util.Locale;
import java.util.Optional;

/** What a destination is, which decides the ceiling of what it may ever receive (see {@link EgressPolicy}). */
public enum DestinationKind {
    CRM, INTAKE, EMAIL, SMS, AD_PLATFORM, ANALYTICS, REFERRAL_PARTNER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Advertising and analytics: third-party tracking, where health data never goes (USE-01, TRK-03). */
    public boolean isTracking() {
        return this == AD_PLATFORM || this == ANALYTICS;
    }

    public static Optional<DestinationKind> fromWireName(String name) {
        for (DestinationKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
