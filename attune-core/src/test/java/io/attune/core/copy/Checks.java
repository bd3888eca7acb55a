package io.attune.core.copy;

import java.util.List;
import java.util.Optional;

/** Small hand-written checks for the linter's own tests; the real ones are data in attune-store. */
final class Checks {
    private Checks() {
    }

    static CopyCheck claim(String id, Severity severity, boolean substantiable, String... phrases) {
        return check(id, CopyCategory.OUTCOME_CLAIM, severity, CheckKind.CLAIM, substantiable, List.of(), phrases);
    }

    static CopyCheck term(String id, String... phrases) {
        return check(id, CopyCategory.STIGMA, Severity.WARN, CheckKind.TERM, false, List.of(), phrases);
    }

    static CopyCheck topic(String id, List<String> unless, String... phrases) {
        return check(id, CopyCategory.SAFE_MESSAGING, Severity.BLOCK, CheckKind.TOPIC, false, unless, phrases);
    }

    static CopyCheck check(String id, CopyCategory category, Severity severity, CheckKind kind, boolean substantiable,
            List<String> unless, String... phrases) {
        return new CopyCheck(new CheckId(id), new CatalogueId("CLAIM-01"), category, severity, kind,
                List.of(phrases).stream().map(Phrase::of).toList(), unless.stream().map(Phrase::of).toList(),
                substantiable, "why " + id, Optional.of("say it another way"), "RULES.md",
                new CopyCheck.Examples(List.of("x"), List.of("y")));
    }

    static CopyLinter linter(CopyCheck... checks) {
        return new CopyLinter(new CopyRules(List.of(checks)));
    }
}
