package io.attune.core.crisis;

import java.util.Objects;
import java.util.Optional;

/**
 * A phrase a person must look at because matching alone cannot settle it: an idiom ("dying to
 * try"), a negated crisis phrase ("I don't want to die"), a past or clinical mention ("history of
 * suicide attempt in 2015"), or an ambiguous one ("I'm in a dark place"). {@code family} is the
 * crisis family the phrase would belong to, empty for idioms.
 */
public record ReviewMatch(String phrase, Reason reason, Optional<PhraseFamily> family, Span span,
        boolean thirdPerson) {

    public enum Reason { IDIOM, NEGATED, PAST, AMBIGUOUS }

    public ReviewMatch {
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(span, "span");
    }
}
