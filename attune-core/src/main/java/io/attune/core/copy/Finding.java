package io.attune.core.copy;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem in a piece of copy: which check found it and under which catalogue rule, how
 * serious it is, exactly where, why it matters, a rewrite where there is one, and the source the
 * rule rests on. {@code substantiation} is the registered reference that made a claim {@link
 * Severity#INFO}.
 */
public record Finding(CheckId check, CatalogueId rule, CopyCategory category, Severity severity, SourceSpan span,
        String why, Optional<String> suggestion, String source, Optional<SubstantiationId> substantiation) {
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(suggestion, "suggestion");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(substantiation, "substantiation");
    }

    public boolean blocks() {
        return severity == Severity.BLOCK;
    }
}
