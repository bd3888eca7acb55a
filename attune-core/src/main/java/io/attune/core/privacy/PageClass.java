package io.attune.core.privacy;

import java.util.Locale;
import java.util.Optional;

/**
 * What a page or screen is, for tracking (TRK-03). {@link #AUTHENTICATED} and {@link #HEALTH_INTENT}
 * pages send nothing to third-party advertising or analytics; {@link #HEALTH_EDUCATIONAL} pages send
 * them only identifier-free, generalised events; {@link #NON_HEALTH} pages follow the ordinary rules.
 */
public enum PageClass {
    /** Careers, visiting hours, billing, about: nothing about the visitor's health. */
    NON_HEALTH,
    /** Condition articles and other reading about health (AHA v. Becerra: not PHI by the visit alone). */
    HEALTH_EDUCATIONAL,
    /** Booking, intake, insurance checks, assessments, find-a-therapist, admissions: a person seeking care. */
    HEALTH_INTENT,
    /** Portals, logged-in apps, telehealth: a known patient. */
    AUTHENTICATED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether third-party advertising and analytics may receive nothing at all from such a page (TRK-03). */
    public boolean closedToThirdPartyTracking() {
        return this == HEALTH_INTENT || this == AUTHENTICATED;
    }

    public static Optional<PageClass> fromWireName(String name) {
        for (PageClass pageClass : values()) {
            if (pageClass.wireName().equals(name)) {
                return Optional.of(pageClass);
            }
        }
        return Optional.empty();
    }
}
