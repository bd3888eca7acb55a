package io.attune.core.scoring;

import io.attune.core.model.RuleId;
import java.util.Objects;

/** Points a fit rule gives for who the lead or its account is. */
public record FitContribution(RuleId rule, double points) {
    public FitContribution {
        Objects.requireNonNull(rule, "rule");
    }
}
