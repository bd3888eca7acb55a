package io.attune.core.copy;

import static io.attune.core.copy.Checks.claim;
import static io.attune.core.copy.Checks.linter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Text content of Markdown and HTML, and findings' positions mapped back to the source. */
class FormatsTest {
    private final CopyLinter linter = linter(
            claim("beds-left", Severity.BLOCK, false, "only (\\d+|two) beds? left"),
            claim("hipaa-certified", Severity.BLOCK, false, "hipaa[- ]certified"),
            claim("proven", Severity.BLOCK, true, "clinically proven"),
            claim("cure", Severity.BLOCK, false, "cure[sd]?"));

    private List<Finding> lint(String source, CopyFormat format) {
        return linter.lint(source, format, Set.of(new SubstantiationId("rct-2024"))).findings();
    }

    private static String text(String source, CopyFormat format) {
        return format.project(source).text().replace(Projection.BLOCK, '|');
    }

    @Test
    void markdown_reads_as_its_text_without_markers_urls_or_code() {
        String source = """
                # Care that **works**
                
                - Read [our *approach*](https://example.org/a_b "title") and ![a badge](b.png)
                > Quote with `code` and a snake_case_word \\*starred\\*
                
                ```
                cures everything
                ```
                [ref]: https://example.org
                Text &amp; more[^rct-2024] <span>inline</span>
                """;

        assertThat(text(source, CopyFormat.MARKDOWN)).isEqualTo(
                "Care that works|\n|\n|Read our approach and a badge\n|Quote with code and a snake_case_word *starred*\n"
                        // the blank line, the fence and its three lines, the link definition
                        + "|\n|\n\n\n|\nText & more[^rct-2024] inline\n");
    }

    @Test
    void a_markdown_finding_spans_the_source_characters_including_the_markup_inside_it() {
        Finding finding = lint("Intro line.\n\nHurry: **only 2** beds left!", CopyFormat.MARKDOWN).get(0);

        assertThat(finding.span().text()).isEqualTo("only 2** beds left");
        assertThat(finding.span().start()).isEqualTo(new Position(3, 10, 22));
    }

    @Test
    void markdown_link_text_and_footnotes_count_but_link_destinations_do_not() {
        assertThat(lint("See [our cures](https://x.org) page.", CopyFormat.MARKDOWN)).hasSize(1);
        assertThat(lint("See [our page](https://x.org/cures).", CopyFormat.MARKDOWN)).isEmpty();
        assertThat(lint("Clinically proven[^rct-2024].\n\n[^rct-2024]: Smith et al., 2024.", CopyFormat.MARKDOWN)
                .get(0).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void html_reads_as_its_text_and_image_alt_text_without_tags_scripts_or_comments() {
        String source = "<html><head><title>Rehab</title><style>.a{}</style></head><body>"
                + "<h1>Get <b>help</b></h1><!-- cures --><p>Only&nbsp;2 beds&#32;left<br>now</p>"
                + "<script>var cures = 1;</script><img src=\"x.png\" alt=\"HIPAA certified &amp; safe\"></body></html>";

        assertThat(text(source, CopyFormat.HTML)).isEqualTo(
                "Rehab|Get help|Only\u00a02 beds left\nnow|HIPAA certified & safe|");
    }

    @Test
    void an_html_finding_points_at_the_source_even_through_entities_and_tags() {
        String source = "<p>\n  Only&nbsp;<b>2</b> beds left</p>\n<img alt='A HIPAA-certified seal' src=s.png>";

        List<Finding> findings = lint(source, CopyFormat.HTML);

        assertThat(findings).extracting(finding -> finding.span().text())
                .containsExactly("Only&nbsp;<b>2</b> beds left", "HIPAA-certified");
        assertThat(findings.get(0).span().start()).isEqualTo(new Position(2, 3, 6));
        assertThat(findings.get(1).span().start()).isEqualTo(new Position(3, 13, 51));
    }

    @Test
    void html_that_does_not_parse_is_text() {
        assertThat(text("a < b and <3 cures", CopyFormat.HTML)).isEqualTo("a < b and <3 cures");
        assertThat(lint("<p title=\"x > y\">cures</p><unclosed", CopyFormat.HTML)).hasSize(1);
    }

    @Test
    void html_q_elements_quote_their_text() {
        assertThat(lint("<p>Ads that promise a <q>cure</q> mislead.</p>", CopyFormat.HTML)).isEmpty();
    }

    @Test
    void file_names_choose_the_format() {
        assertThat(CopyFormat.ofFileName("landing.MD")).isEqualTo(CopyFormat.MARKDOWN);
        assertThat(CopyFormat.ofFileName("email.htm")).isEqualTo(CopyFormat.HTML);
        assertThat(CopyFormat.ofFileName("sms.txt")).isEqualTo(CopyFormat.TEXT);
    }
}
