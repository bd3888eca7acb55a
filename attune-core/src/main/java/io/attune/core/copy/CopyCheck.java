package io.attune.core.copy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One check of the copy linter, read from a rule file: the phrases it finds, what kind of
 * statement they make ({@link CheckKind}), and what a finding says. {@code unless} phrases found
 * anywhere in the text clear it (the 988 number for copy about suicide; a typical-results statement
 * next to "results not typical"). A {@code substantiable} claim citing a registered reference is
 * reported as {@link Severity#INFO}; absolute claims ("cure", "guaranteed") are not substantiable.
 * {@code examples} are texts that must and must not produce a finding of this check; in a matching
 * example {@code [[…]]} marks the exact span expected.
 */
public record CopyCheck(CheckId id, CatalogueId rule, CopyCategory category, Severity severity, CheckKind kind,
        List<Phrase> match, List<Phrase> unless, boolean substantiable, String why, Optional<String> suggestion,
        String source, Examples examples) {

    /** Texts that must produce a finding of the check (with {@code [[span]]} marked) and texts that must not. */
    public record Examples(List<String> matching, List<String> passing) {
        public Examples {
            matching = List.copyOf(matching);
            passing = List.copyOf(passing);
        }
    }

    public CopyCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        match = List.copyOf(match);
        unless = List.copyOf(unless);
        Objects.requireNonNull(suggestion, "suggestion");
        Objects.requireNonNull(examples, "examples");
        require(match.size() > 0, id, "needs at least one phrase to match");
        require(kind != CheckKind.TOPIC || !unless.isEmpty(), id, "is a topic and needs the unless phrases it requires");
        require(!substantiable || kind == CheckKind.CLAIM, id, "can be substantiated only if it is a claim");
        require(severity != Severity.INFO, id, "must warn or block; info is what a substantiated claim becomes");
        require(why != null && !why.isBlank(), id, "needs a why");
        require(source != null && !source.isBlank(), id, "needs a source");
        require(!examples.matching().isEmpty() && !examples.passing().isEmpty(), id,
                "needs examples that must match and examples that must not");
    }

    private static void require(boolean condition, CheckId id, String message) {
        if (!condition) {
            throw new IllegalArgumentException("check " + id + " " + message);
        }
    }
}
