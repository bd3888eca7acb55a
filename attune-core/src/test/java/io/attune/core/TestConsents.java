package io.attune.core;

import java.util.Map;

/** Consents as an intake form's identify call carries them, for fixtures that need a consumer scored. */
public final class TestConsents {
    /** Consent to collect consumer health data (STATE-02/05), as a web form's checkbox captures it. */
    public static final Map<String, Object> COLLECT_CHD = Map.of("collect_chd", Map.of("granted", true, "text",
            "I agree that Northside Behavioral Health may collect my health information to help me find care.",
            "method", "web_form"));

    private TestConsents() {
    }
}
