package io.attune.core.model;

import io.attune.core.condition.Condition;
import java.util.Objects;

/** Points for who the lead (or its account) is; negative points lower fit. Fit does not decay. */
public record FitRule(RuleId id, String description, Condition when, double points) {
    public FitRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(when, "when");
        description = description == null ? "" : description;
        ModelChecks.finite(points, "points");
    }
}
