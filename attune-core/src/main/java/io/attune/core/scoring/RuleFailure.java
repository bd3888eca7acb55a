package io.attune.core.scoring;

import io.attune.core.model.RuleId;

/** A rule whose condition could not be evaluated; reported, never silently false. */
public record RuleFailure(RuleId rule, String message) {
}
