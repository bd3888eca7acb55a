package io.attune.core.workspace;

import io.attune.core.jurisdiction.UnknownJurisdiction;
import io.attune.core.lead.ScoringGate;
import java.util.Objects;

/** What a workspace decides about privacy: which regime applies to a consumer whose state is unknown (STATE-01). */
public record PrivacySettings(UnknownJurisdiction unknownJurisdiction) {
    public static final PrivacySettings DEFAULT = new PrivacySettings(UnknownJurisdiction.STRICTEST);

    public PrivacySettings {
        Objects.requireNonNull(unknownJurisdiction, "unknownJurisdiction");
    }

    public ScoringGate scoringGate() {
        return unknownJurisdiction == UnknownJurisdiction.STRICTEST ? ScoringGate.STANDARD
                : new ScoringGate(unknownJurisdiction);
    }
}
