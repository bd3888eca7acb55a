package io.attune.core.copy;

import java.util.List;

/** What the linter found in one text, in source order; the copy may be published when nothing {@link #blocked()} it. */
public record LintReport(List<Finding> findings) {
    public LintReport {
        findings = List.copyOf(findings);
    }

    public boolean blocked() {
        return findings.stream().anyMatch(Finding::blocks);
    }

    public long count(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).count();
    }
}
