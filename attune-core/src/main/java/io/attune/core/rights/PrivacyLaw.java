package io.attune.core.rights;

import java.util.Locale;
import java.util.Optional;

/**
 * The laws whose clocks a rights request runs on, with their response period and the one extension
 * each allows, in calendar days. Every one answers access and deletion requests within 45 days,
 * extendable once by 45 when reasonably necessary if the consumer is told within the first period.
 * Where a state has none of these laws the engine holds itself to the same 45 (+45) days, the figure
 * common to the US state privacy laws. The citations are in the README's data-subject section.
 */
public enum PrivacyLaw {
    WASHINGTON_MHMDA("WA", "Washington My Health My Data Act", "RCW 19.373.040", 45, 45),
    NEVADA_SB370("NV", "Nevada SB 370", "NRS chapter 603A as added by SB 370 (2023) [verify]", 45, 45),
    CONNECTICUT_CTDPA("CT", "Connecticut Data Privacy Act", "Conn. Gen. Stat. § 42-518", 45, 45),
    CALIFORNIA_CCPA("CA", "California Consumer Privacy Act (CPRA)", "Cal. Civ. Code § 1798.130(a)(2)(A); 11 CCR § 7021(b)", 45, 45),
    OTHER_STATES("US", "US state privacy laws (default)", "e.g. Va. Code § 59.1-577, C.R.S. § 6-1-1306", 45, 45);

    private final String jurisdiction;
    private final String title;
    private final String citation;
    private final int responseDays;
    private final int extensionDays;

    PrivacyLaw(String jurisdiction, String title, String citation, int responseDays, int extensionDays) {
        this.jurisdiction = jurisdiction;
        this.title = title;
        this.citation = citation;
        this.responseDays = responseDays;
        this.extensionDays = extensionDays;
    }

    /** The state's two-letter code, or {@code US} for the default. */
    public String jurisdiction() {
        return jurisdiction;
    }

    public String title() {
        return title;
    }

    public String citation() {
        return citation;
    }

    public int responseDays() {
        return responseDays;
    }

    /** The most days the one extension may add. */
    public int extensionDays() {
        return extensionDays;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PrivacyLaw> fromWireName(String name) {
        for (PrivacyLaw law : values()) {
            if (law.wireName().equals(name)) {
                return Optional.of(law);
            }
        }
        return Optional.empty();
    }

    /** The law of a state (two-letter code), if it has one of these. */
    static Optional<PrivacyLaw> ofState(String state) {
        for (PrivacyLaw law : values()) {
            if (law != OTHER_STATES && law.jurisdiction.equals(state)) {
                return Optional.of(law);
            }
        }
        return Optional.empty();
    }
}
