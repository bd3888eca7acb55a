package io.attune.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRulesTest {
    private final PageRules pages = PageRules.defaults(HealthTerms.defaults());

    /** AHA v. Becerra (RULES.md §15 #11): reading about a condition is not seeking care for it. */
    @Test
    void a_condition_article_is_educational_and_booking_an_assessment_for_it_is_intent() {
        assertThat(pages.classify("/anxiety-articles")).isEqualTo(PageClass.HEALTH_EDUCATIONAL);
        assertThat(pages.classify("/book-anxiety-assessment")).isEqualTo(PageClass.HEALTH_INTENT);
    }

    @Test
    void portals_logged_in_apps_and_telehealth_are_authenticated() {
        assertThat(pages.classify("https://www.example.org/portal/messages")).isEqualTo(PageClass.AUTHENTICATED);
        assertThat(pages.classify("/account/settings")).isEqualTo(PageClass.AUTHENTICATED);
        assertThat(pages.classify("/login?next=/portal")).isEqualTo(PageClass.AUTHENTICATED);
        assertThat(pages.classify("https://portal.example.org/home")).isEqualTo(PageClass.AUTHENTICATED);
        assertThat(pages.classify("/telehealth/room/42")).isEqualTo(PageClass.AUTHENTICATED);
    }

    @Test
    void steps_towards_care_are_intent() {
        assertThat(pages.classify("/find-a-therapist?condition=ptsd")).isEqualTo(PageClass.HEALTH_INTENT);
        assertThat(pages.classify("/appointments/new")).isEqualTo(PageClass.HEALTH_INTENT);
        assertThat(pages.classify("/verify-your-insurance")).isEqualTo(PageClass.HEALTH_INTENT);
        assertThat(pages.classify("/insurance/check?carrier=aetna")).isEqualTo(PageClass.HEALTH_INTENT);
        assertThat(pages.classify("/intake-form")).isEqualTo(PageClass.HEALTH_INTENT);
        assertThat(pages.classify("/call-admissions")).isEqualTo(PageClass.HEALTH_INTENT);
        assertThat(pages.classify("/about/book-a-consultation")).isEqualTo(PageClass.HEALTH_INTENT);
    }

    @Test
    void careers_visiting_hours_billing_and_about_are_not_health_even_when_they_name_a_service() {
        assertThat(pages.classify("/careers/addiction-counselor")).isEqualTo(PageClass.NON_HEALTH);
        assertThat(pages.classify("/visiting-hours")).isEqualTo(PageClass.NON_HEALTH);
        assertThat(pages.classify("/billing")).isEqualTo(PageClass.NON_HEALTH);
        assertThat(pages.classify("/about")).isEqualTo(PageClass.NON_HEALTH);
    }

    @Test
    void an_unknown_page_is_educational_with_a_health_term_and_not_health_without() {
        assertThat(pages.classify("/blog/coping-with-grief")).isEqualTo(PageClass.HEALTH_EDUCATIONAL);
        assertThat(pages.classify("/resources?topic=bipolar")).isEqualTo(PageClass.HEALTH_EDUCATIONAL);
        assertThat(pages.classify("/conditions")).isEqualTo(PageClass.HEALTH_EDUCATIONAL);
        assertThat(pages.classify("/blog/our-new-building")).isEqualTo(PageClass.NON_HEALTH);
        assertThat(pages.classify("/")).isEqualTo(PageClass.NON_HEALTH);
    }

    @Test
    void prefixes_match_whole_segments_and_file_extensions_do_not_read_as_terms() {
        assertThat(pages.classify("/portals-of-history")).isEqualTo(PageClass.NON_HEALTH);
        assertThat(pages.classify("/application-guide")).isEqualTo(PageClass.NON_HEALTH);
        assertThat(pages.classify("/index.php")).isEqualTo(PageClass.NON_HEALTH);
        assertThat(pages.classify("/programs/index.php")).isEqualTo(PageClass.NON_HEALTH);
        assertThat(pages.classify("/programs/php-program")).isEqualTo(PageClass.HEALTH_EDUCATIONAL);
    }

    @Test
    void workspace_rules_are_tried_first_in_order() {
        PageRules own = pages.withWorkspaceRules(List.of(
                PageRule.parse("prefix:/employers", PageClass.NON_HEALTH),
                PageRule.parse("term:start your journey", PageClass.HEALTH_INTENT),
                PageRule.parse("host:members.", PageClass.AUTHENTICATED)));

        assertThat(own.classify("/employers/roi-assessment")).isEqualTo(PageClass.NON_HEALTH);
        assertThat(pages.classify("/employers/roi-assessment")).isEqualTo(PageClass.HEALTH_INTENT);
        assertThat(own.classify("/start-your-journey")).isEqualTo(PageClass.HEALTH_INTENT);
        assertThat(own.classify("https://members.example.org/")).isEqualTo(PageClass.AUTHENTICATED);
    }

    @Test
    void a_bad_rule_is_refused_with_what_is_allowed() {
        assertThatThrownBy(() -> PageRule.parse("regex:.*", PageClass.NON_HEALTH))
                .hasMessageContaining("prefix:/path, term:words or host:prefix");
        assertThatThrownBy(() -> PageRule.parse("prefix:portal", PageClass.NON_HEALTH))
                .hasMessageContaining("starts with '/'");
        assertThatThrownBy(() -> PageRule.parse("host:a/b", PageClass.NON_HEALTH))
                .hasMessageContaining("host prefix");
    }

    @Test
    void anything_at_all_is_read_as_a_path_rather_than_failing() {
        assertThat(pages.classify("not a url at all")).isEqualTo(PageClass.NON_HEALTH);
        assertThat(pages.classify("http://")).isEqualTo(PageClass.NON_HEALTH);
        assertThat(pages.classify("https://[::1]:8080/therapy?%zz")).isEqualTo(PageClass.HEALTH_EDUCATIONAL);
        assertThat(pages.classify("")).isEqualTo(PageClass.NON_HEALTH);
    }
}
