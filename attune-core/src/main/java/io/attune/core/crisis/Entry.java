package io.attune.core.crisis;

import java.util.Objects;
import java.util.Optional;

/**
 * One phrase-book entry: what a match means, the catalogue key reported with it, and its pattern.
 * {@code firstPersonOnly} entries ("I'm going to overdose") go to review when said of someone else.
 */
record Entry(Kind kind, Optional<PhraseFamily> family, String key, PhrasePattern pattern, boolean firstPersonOnly) {

    enum Kind {
        /** Crisis language, unless negated, past, or the start of an idiom. */
        CRISIS,
        /** Always a human check: ambiguous by itself. */
        REVIEW,
        /** Substance-use escalation cue. */
        CUE,
        /** An idiom with crisis words in it ("dying to try"): a low-priority human check. */
        IDIOM,
        /** A topic, not a statement ("suicide prevention training"): removes what it overlaps. */
        TOPIC
    }

    Entry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pattern, "pattern");
    }
}
