package io.attune.core.copy;

import static io.attune.core.copy.Checks.claim;
import static io.attune.core.copy.Checks.linter;
import static io.attune.core.copy.Checks.term;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The linter is total over any text in any format, and every span it reports is real source. */
class CopyLinterProperties {
    private final CopyLinter linter = linter(
            claim("cure", Severity.BLOCK, true, "cure[sd]?"),
            claim("beds-left", Severity.BLOCK, false, "only (\\d+|two) beds? left"),
            term("addict", "addicts?"));

    @Provide
    Arbitrary<String> copy() {
        Arbitrary<String> pieces = Arbitraries.of("cure", "cures", "only", "2", "beds", "left", "addict", "no", "not",
                " ", "\n", "\r\n", "\"", "\u201c", "\u201d", "\u2018", "'", "<", ">", "</", "<p>", "<b>", "<q>", "<img alt='",
                "&", "&amp;", "&#x1F600;", "&nbsp;", ";", "*", "**", "_", "`", "```", "[", "]", "(", ")", "[^r1]", "!", "#",
                "> ", "- ", "|", "\\", ".", ",", "<!--", "-->", "<script>", "\u2029", "\uD83D\uDE00");
        return pieces.list().ofMaxSize(40).map(list -> String.join("", list));
    }

    @Property
    void every_span_is_the_source_between_its_positions(@ForAll("copy") String source, @ForAll CopyFormat format) {
        LintReport report = linter.lint(source, format, Set.of(new SubstantiationId("r1")));

        for (Finding finding : report.findings()) {
            int start = finding.span().start().offset();
            int end = finding.span().end().offset();
            assertThat(start).isBetween(0, end);
            assertThat(end).isLessThanOrEqualTo(source.length());
            assertThat(finding.span().text()).isEqualTo(source.substring(start, end));
            int lineStart = source.lastIndexOf('\n', start - 1) + 1;
            assertThat(finding.span().start().column()).isEqualTo(start - lineStart + 1);
            assertThat(finding.span().start().line())
                    .isEqualTo((int) source.substring(0, start).chars().filter(c -> c == '\n').count() + 1);
        }
    }

    @Property
    void plain_text_findings_cover_exactly_the_words_found(@ForAll("copy") String source) {
        for (Finding finding : linter.lint(source, CopyFormat.TEXT, Set.of()).findings()) {
            String text = finding.span().text().toLowerCase(java.util.Locale.ROOT);
            assertThat(text).matches("(cures?|only\\s+(2|two)\\s+beds?\\s+left|addicts?)");
        }
    }
}
