package io.attune.core.workspace;

import io.attune.core.jurisdiction.UnknownJurisdiction;
import io.attune.core.lead.ScoringGate;
import io.attune.core.egress.LeadChecks;
import java.time.Duration;
import java.util.Objects;

/**
 * What a workspace decides about privacy and safety: which regime applies to a consumer whose state
 * is unknown (STATE-01), and how long outreach stays suppressed after a clinician clears a crisis
 * hold (CRISIS-04).
 */
public record PrivacySettings(UnknownJurisdiction unknownJurisdiction, Duration crisisCoolDown) {
    public static final Duration MAX_CRISIS_COOL_DOWN = Duration.ofDays(365);
    public static final PrivacySettings DEFAULT = new PrivacySettings(UnknownJurisdiction.STRICTEST,
            LeadChecks.DEFAULT_CRISIS_COOL_DOWN);

    public PrivacySettings {
        Objects.requireNonNull(unknownJurisdiction, "unknownJurisdiction");
        Objects.requireNonNull(crisisCoolDown, "crisisCoolDown");
        if (crisisCoolDown.isNegative() || crisisCoolDown.compareTo(MAX_CRISIS_COOL_DOWN) > 0) {
            throw new IllegalArgumentException("a crisis cool-down is 0 to 365 days");
        }
    }

    /** Settings with the default crisis cool-down. */
    public PrivacySettings(UnknownJurisdiction unknownJurisdiction) {
        this(unknownJurisdiction, LeadChecks.DEFAULT_CRISIS_COOL_DOWN);
    }

    public ScoringGate scoringGate() {
        return unknownJurisdiction == UnknownJurisdiction.STRICTEST ? ScoringGate.STANDARD
                : new ScoringGate(unknownJurisdiction);
    }
}
