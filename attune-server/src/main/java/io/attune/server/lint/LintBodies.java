package io.attune.server.lint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.attune.core.copy.Finding;
import io.attune.core.copy.LintReport;
import io.attune.core.copy.Position;
import io.attune.core.copy.Severity;
import java.util.List;

/** The copy linter's findings as the API and {@code attune lint --format json} show them. */
public final class LintBodies {
    private LintBodies() {
    }

    /** What one text came to: whether anything blocks publishing, the counts by severity, each finding. */
    public record Report(boolean blocked, Counts counts, List<FindingBody> findings) {
        public static Report of(LintReport report) {
            return new Report(report.blocked(), Counts.of(report),
                    report.findings().stream().map(FindingBody::of).toList());
        }
    }

    public record Counts(long block, long warn, long info) {
        static Counts of(LintReport report) {
            return new Counts(report.count(Severity.BLOCK), report.count(Severity.WARN), report.count(Severity.INFO));
        }
    }

    /** A place in the source: line and column from 1, offset from 0, in UTF-16 characters. */
    public record Place(int line, int column, int offset) {
        static Place of(Position position) {
            return new Place(position.line(), position.column(), position.offset());
        }
    }

    /**
     * One finding: the catalogue rule and the check, category, severity, where (start inclusive, end
     * exclusive) and the source text there, why, a suggested rewrite when there is one, the source the
     * rule rests on, and the registered substantiation that made a claim info.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingBody(String rule, String check, String category, String severity, Place start, Place end,
            String text, String why, String suggestion, String source, String substantiation) {
        public static FindingBody of(Finding finding) {
            return new FindingBody(finding.rule().value(), finding.check().value(), finding.category().wireName(),
                    finding.severity().wireName(), Place.of(finding.span().start()), Place.of(finding.span().end()),
                    finding.span().text(), finding.why(), finding.suggestion().orElse(null), finding.source(),
                    finding.substantiation().map(Object::toString).orElse(null));
        }
    }
}
