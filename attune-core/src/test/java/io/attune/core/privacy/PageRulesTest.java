package io.attune.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRulesTest {
    private final PageRules pages = PageRules.defaults(HealthTerms.defaults());

    /**
     * Each URL and its class, grouped by why: reading about a condition is not seeking care for it
     * (AHA v. Becerra, RULES.md §15 #11); portals, accounts and telehealth are authenticated; steps
     * towards care are intent; a service named on a careers or billing page is not health.
     */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # a condition article is educational and booking an assessment for it is intent
            /anxiety-articles | HEALTH_EDUCATIONAL
            /book-anxiety-assessment | HEALTH_INTENT
            # portals logged in apps and telehealth are authenticated
            https://www.example.org/portal/messages | AUTHENTICATED
            /account/settings | AUTHENTICATED
            /login?next=/portal | AUTHENTICATED
            https://portal.example.org/home | AUTHENTICATED
            /telehealth/room/42 | AUTHENTICATED
            # steps towards care are intent
            /find-a-therapist?condition=ptsd | HEALTH_INTENT
            /appointments/new | HEALTH_INTENT
            /verify-your-insurance | HEALTH_INTENT
            /insurance/check?carrier=aetna | HEALTH_INTENT
            /intake-form | HEALTH_INTENT
            /call-admissions | HEALTH_INTENT
            /about/book-a-consultation | HEALTH_INTENT
            # careers visiting hours billing and about are not health even when they name a service
            /careers/addiction-counselor | NON_HEALTH
            /visiting-hours | NON_HEALTH
            /billing | NON_HEALTH
            /about | NON_HEALTH
            # an unknown page is educational with a health term and not health without
            /blog/coping-with-grief | HEALTH_EDUCATIONAL
            /resources?topic=bipolar | HEALTH_EDUCATIONAL
            /conditions | HEALTH_EDUCATIONAL
            /blog/our-new-building | NON_HEALTH
            / | NON_HEALTH
            # prefixes match whole segments and file extensions do not read as terms
            /portals-of-history | NON_HEALTH
            /application-guide | NON_HEALTH
            /index.php | NON_HEALTH
            /programs/index.php | NON_HEALTH
            /programs/php-program | HEALTH_EDUCATIONAL
            """)
    void a_page_is_classified_by_the_default_rules(String url, PageClass expected) {
        assertThat(pages.classify(url)).isEqualTo(expected);
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
