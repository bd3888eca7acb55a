package io.attune.core.jurisdiction;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state consumer-health-data laws that require consent before a health-derived score is
 * computed (STATE-02, STATE-05). Each covers its residents and data collected in the state.
 */
public enum HealthDataLaw {
    WASHINGTON_MHMDA("WA", "Washington My Health My Data Act", "STATE-02"),
    NEVADA_SB370("NV", "Nevada SB 370", "STATE-05"),
    CONNECTICUT_SB3("CT", "Connecticut SB 3", "STATE-05");

    private final String state;
    private final String title;
    private final String rule;

    HealthDataLaw(String state, String title, String rule) {
        this.state = state;
        this.title = title;
        this.rule = rule;
    }

    public String state() {
        return state;
    }

    public String title() {
        return title;
    }

    /** The catalogue rule that asks for consent to collect under this law. */
    public String rule() {
        return rule;
    }

    /** The laws of the given states (two-letter codes). */
    public static Set<HealthDataLaw> of(Set<String> states) {
        Set<HealthDataLaw> laws = EnumSet.noneOf(HealthDataLaw.class);
        for (HealthDataLaw law : values()) {
            if (states.contains(law.state)) {
                laws.add(law);
            }
        }
        return laws;
    }

    public static Set<HealthDataLaw> all() {
        return EnumSet.allOf(HealthDataLaw.class);
    }
}
