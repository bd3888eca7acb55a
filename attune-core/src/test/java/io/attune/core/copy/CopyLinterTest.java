package io.attune.core.copy;

import static io.attune.core.copy.Checks.claim;
import static io.attune.core.copy.Checks.linter;
import static io.attune.core.copy.Checks.term;
import static io.attune.core.copy.Checks.topic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CopyLinterTest {
    private final CopyLinter linter = linter(
            claim("cure", Severity.BLOCK, false, "cure[sd]?"),
            claim("proven", Severity.BLOCK, true, "clinically proven"),
            claim("guarantee", Severity.WARN, false, "guaranteed?"),
            claim("guaranteed-results", Severity.BLOCK, false, "guaranteed results"),
            claim("beds-left", Severity.BLOCK, false, "only (\\d+|two) beds? left"),
            term("addict", "addicts?"),
            topic("crisis-resources", List.of("988"), "suicide"));

    private List<Finding> lint(String text) {
        return linter.lint(text, CopyFormat.TEXT, Set.of()).findings();
    }

    private static List<String> checks(List<Finding> findings) {
        return findings.stream().map(finding -> finding.check().value()).toList();
    }

    @Test
    void a_claim_is_found_with_its_exact_span_line_and_column() {
        Finding finding = lint("Welcome.\nOur program cures anxiety.").get(0);

        assertThat(finding.check().value()).isEqualTo("cure");
        assertThat(finding.severity()).isEqualTo(Severity.BLOCK);
        assertThat(finding.span().text()).isEqualTo("cures");
        assertThat(finding.span().start()).isEqualTo(new Position(2, 13, 21));
        assertThat(finding.span().end()).isEqualTo(new Position(2, 18, 26));
        assertThat(finding.suggestion()).contains("say it another way");
    }

    @Test
    void negations_and_disclaimers_are_not_claims() {
        assertThat(lint("There is no cure, but treatment helps.")).isEmpty();
        assertThat(lint("We do not promise a cure.")).isEmpty();
        assertThat(lint("No one can honestly promise a cure.")).isEmpty();
        assertThat(lint("We don't offer guaranteed results.")).isEmpty();
    }

    @Test
    void a_negation_in_another_clause_does_not_cover_the_claim() {
        assertThat(checks(lint("No waiting lists, and our program cures anxiety."))).containsExactly("cure");
        assertThat(checks(lint("Don't suffer — we cure anxiety."))).containsExactly("cure");
        assertThat(checks(lint("There is no waiting list. Our method is a cure."))).containsExactly("cure");
    }

    @Test
    void a_negation_wrapped_onto_the_next_line_counts_but_not_across_a_blank_line() {
        assertThat(lint("We do not promise\na cure.")).isEmpty();
        assertThat(checks(lint("No waiting list\n\nOur program cures anxiety"))).containsExactly("cure");
    }

    @Test
    void the_text_of_a_footnote_is_the_substantiation_not_a_claim() {
        assertThat(linter.lint("Care that helps.\n\n[^rct-2024]: Trial showing the method is clinically proven.",
                CopyFormat.MARKDOWN, Set.of()).findings()).isEmpty();
    }

    @Test
    void a_phrase_quoted_to_talk_about_it_is_not_a_claim_but_a_quoted_testimonial_is() {
        assertThat(lint("Beware of ads that promise a \u201ccure\u201d.")).isEmpty();
        assertThat(lint("We never say \"addicts\".")).isEmpty();
        assertThat(checks(lint("\"After years of trying everything, this program finally cured my anxiety,\" says Jo.")))
                .containsExactly("cure");
    }

    @Test
    void terms_are_findings_even_when_negated() {
        assertThat(checks(lint("We are not like other addicts' programs."))).containsExactly("addict");
    }

    @Test
    void a_registered_reference_after_a_substantiable_claim_makes_it_info() {
        LintReport report = linter.lint("Clinically proven to help[^rct-2024]. Call us.", CopyFormat.TEXT,
                Set.of(new SubstantiationId("rct-2024")));

        Finding finding = report.findings().get(0);
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.substantiation()).contains(new SubstantiationId("rct-2024"));
        assertThat(finding.why()).startsWith("Substantiated by rct-2024.");
        assertThat(report.blocked()).isFalse();
    }

    @Test
    void a_reference_right_after_the_sentence_counts_and_one_in_the_next_sentence_does_not() {
        Set<SubstantiationId> registered = Set.of(new SubstantiationId("rct-2024"));

        assertThat(linter.lint("Clinically proven.[rct-2024] Call.", CopyFormat.TEXT, registered).findings().get(0)
                .severity()).isEqualTo(Severity.INFO);
        assertThat(linter.lint("Clinically proven. Call us[^rct-2024].", CopyFormat.TEXT, registered).findings().get(0)
                .severity()).isEqualTo(Severity.BLOCK);
    }

    @Test
    void an_unregistered_reference_keeps_the_block_and_says_so() {
        Finding finding = linter.lint("Clinically proven[^blog-post].", CopyFormat.TEXT,
                Set.of(new SubstantiationId("rct-2024"))).findings().get(0);

        assertThat(finding.severity()).isEqualTo(Severity.BLOCK);
        assertThat(finding.why()).endsWith("It cites [blog-post], which is not a registered substantiation.");
    }

    @Test
    void an_absolute_claim_cannot_be_substantiated() {
        Finding finding = linter.lint("We cure anxiety[^rct-2024].", CopyFormat.TEXT,
                Set.of(new SubstantiationId("rct-2024"))).findings().get(0);

        assertThat(finding.severity()).isEqualTo(Severity.BLOCK);
        assertThat(finding.substantiation()).isEmpty();
    }

    @Test
    void of_overlapping_checks_in_one_category_the_most_severe_speaks() {
        List<Finding> findings = lint("Guaranteed results in 30 days.");

        assertThat(checks(findings)).containsExactly("guaranteed-results");
        assertThat(findings.get(0).span().text()).isEqualTo("Guaranteed results");
    }

    @Test
    void a_topic_is_reported_once_at_its_first_mention_unless_the_text_says_what_it_requires() {
        List<Finding> findings = lint("Suicide is preventable.\nTalk about suicide.");

        assertThat(checks(findings)).containsExactly("crisis-resources");
        assertThat(findings.get(0).span().start().offset()).isZero();
        assertThat(lint("Suicide is preventable. Call or text 988.")).isEmpty();
    }

    @Test
    void phrases_match_across_line_breaks_and_curly_quotes_but_not_across_blocks() {
        assertThat(checks(lint("Only two\nbeds left."))).containsExactly("beds-left");
        assertThat(checks(linter.lint("# Only two\n\nbeds left", CopyFormat.MARKDOWN, Set.of()).findings())).isEmpty();
        assertThat(checks(linter.lint("<h1>Only 2</h1><p>beds left</p>", CopyFormat.HTML, Set.of()).findings()))
                .isEmpty();
    }

    @Test
    void findings_come_in_source_order_and_any_block_blocks_the_report() {
        LintReport report = linter.lint("Addicts welcome. Only 2 beds left.", CopyFormat.TEXT, Set.of());

        assertThat(checks(report.findings())).containsExactly("addict", "beds-left");
        assertThat(report.blocked()).isTrue();
        assertThat(report.count(Severity.WARN)).isOne();
    }
}
