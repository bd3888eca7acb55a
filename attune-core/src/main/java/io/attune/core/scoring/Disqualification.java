package io.attune.core.scoring;

import io.attune.core.model.RuleId;
import java.time.Instant;
import java.util.Objects;

/** Why a lead cannot qualify: the rule that matched, its reason, and when. */
public record Disqualification(RuleId rule, String reason, Instant at) {
    public Disqualification {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
