package io.attune.core.crisis;

import java.util.Objects;

/**
 * A crisis phrase (or a substance-use cue) found in a text: the catalogue entry's key, its family,
 * where it is, and whether the writer is reporting about someone else ("my son says he wants to
 * die") rather than about themselves.
 */
public record PhraseMatch(String phrase, PhraseFamily family, Span span, boolean thirdPerson) {
    public PhraseMatch {
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(span, "span");
    }
}
