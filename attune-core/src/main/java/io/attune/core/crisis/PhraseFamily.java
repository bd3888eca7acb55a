package io.attune.core.crisis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The phrase families of the crisis catalogue (RULES.md §14.3). All but {@link #SUBSTANCE_USE} are
 * crisis families; a substance-use cue alone asks for clinical follow-up and becomes a crisis only
 * next to ideation language.
 */
public enum PhraseFamily {
    IDEATION("ideation_direct"),
    HOPELESSNESS("hopelessness"),
    PLAN_OR_MEANS("plan_means"),
    SELF_HARM("self_harm"),
    /** Overdose, not breathing, unresponsive, seizure: 911 comes before anything else. */
    MEDICAL_EMERGENCY("medical_emergency"),
    SAFETY("safety_abuse"),
    SUBSTANCE_USE("substance_use");

    private final String wireName;

    PhraseFamily(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isCrisis() {
        return this != SUBSTANCE_USE;
    }

    public boolean callEmergencyFirst() {
        return this == MEDICAL_EMERGENCY;
    }

    public static PhraseFamily fromWireName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(family -> family.wireName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown phrase family '" + name + "' (allowed: "
                        + Arrays.stream(values()).map(PhraseFamily::wireName).collect(Collectors.joining(", "))
                        + ")"));
    }
}
