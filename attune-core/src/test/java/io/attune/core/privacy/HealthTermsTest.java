package io.attune.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthTermsTest {
    private final HealthTerms terms = HealthTerms.defaults();

    @Test
    void a_term_is_found_as_a_word_of_a_url_path() {
        assertThat(terms.classify("/therapy-for-anxiety")).isEqualTo(TermClass.HEALTH);
        assertThat(terms.matches("/therapy-for-anxiety")).containsExactly("therapy", "anxiety");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # a term is never found inside an unrelated word
            /prehab-exercises | NONE
            /rehabbed-houses-for-sale | NONE
            /therapyland-theme-park | NONE
            method acting | NONE
            # substance use terms are told apart from general health terms
            /drug-rehab-near-me | SUBSTANCE_USE
            Detox_Call | SUBSTANCE_USE
            MAT_Enrolled | SUBSTANCE_USE
            Depression_Intake | HEALTH
            Anxiety and alcohol use | SUBSTANCE_USE
            # event names are read across camel case punctuation and case
            Paid: Weekly Therapy | HEALTH
            PaidWeeklyTherapy | HEALTH
            PTSDTherapyBooked | HEALTH
            Paid: Med Management | HEALTH
            lead_submitted | NONE
            Form Submitted | NONE
            # query strings and percent encoded text are read decoded
            /find?condition=ptsd | HEALTH
            /search?q=help%20with%20opioid%2520use | SUBSTANCE_USE
            # plurals and multi word terms match but only as consecutive words
            Our Therapists | HEALTH
            therapies | HEALTH
            /mental-health-tips | HEALTH
            /sober-living-homes | SUBSTANCE_USE
            """)
    void a_text_is_classified_by_the_strongest_term_it_names(String text, TermClass expected) {
        assertThat(terms.classify(text)).isEqualTo(expected);
    }

    @Test
    void a_multi_word_term_matches_only_as_consecutive_words() {
        assertThat(terms.matches("eating, then a disorderly queue")).doesNotContain("eating disorder");
    }

    @Test
    void a_workspace_adds_provider_and_program_names() {
        HealthTerms own = terms.with(List.of("Dr. Jane Roe", "Bright Path"), List.of("New Dawn Recovery"));

        assertThat(own.classify("/team/dr-jane-roe")).isEqualTo(TermClass.HEALTH);
        assertThat(own.classify("Bright Path program")).isEqualTo(TermClass.HEALTH);
        assertThat(own.classify("/new-dawn-recovery/tour")).isEqualTo(TermClass.SUBSTANCE_USE);
        assertThat(terms.classify("/team/dr-jane-roe")).isEqualTo(TermClass.NONE);
    }

    @Test
    void a_term_without_letters_or_digits_is_refused() {
        assertThatThrownBy(() -> terms.with(List.of(" - "), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letter or digit");
    }

    @Test
    void empty_and_odd_text_finds_nothing_rather_than_failing() {
        assertThat(terms.classify("")).isEqualTo(TermClass.NONE);
        assertThat(terms.classify("%%%zz%4")).isEqualTo(TermClass.NONE);
        assertThat(terms.classify("\uD83D\uDE00 🙂")).isEqualTo(TermClass.NONE);
    }
}
