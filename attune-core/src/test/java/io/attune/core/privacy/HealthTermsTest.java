package io.attune.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthTermsTest {
    private final HealthTerms terms = HealthTerms.defaults();

    @Test
    void a_term_is_found_as_a_word_of_a_url_path() {
        assertThat(terms.classify("/therapy-for-anxiety")).isEqualTo(TermClass.HEALTH);
        assertThat(terms.matches("/therapy-for-anxiety")).containsExactly("therapy", "anxiety");
    }

    @Test
    void a_term_is_never_found_inside_an_unrelated_word() {
        assertThat(terms.classify("/prehab-exercises")).isEqualTo(TermClass.NONE);
        assertThat(terms.classify("/rehabbed-houses-for-sale")).isEqualTo(TermClass.NONE);
        assertThat(terms.classify("/therapyland-theme-park")).isEqualTo(TermClass.NONE);
        assertThat(terms.classify("method acting")).isEqualTo(TermClass.NONE);
    }

    @Test
    void substance_use_terms_are_told_apart_from_general_health_terms() {
        assertThat(terms.classify("/drug-rehab-near-me")).isEqualTo(TermClass.SUBSTANCE_USE);
        assertThat(terms.classify("Detox_Call")).isEqualTo(TermClass.SUBSTANCE_USE);
        assertThat(terms.classify("MAT_Enrolled")).isEqualTo(TermClass.SUBSTANCE_USE);
        assertThat(terms.classify("Depression_Intake")).isEqualTo(TermClass.HEALTH);
        assertThat(terms.classify("Anxiety and alcohol use")).isEqualTo(TermClass.SUBSTANCE_USE);
    }

    @Test
    void event_names_are_read_across_camel_case_punctuation_and_case() {
        assertThat(terms.classify("Paid: Weekly Therapy")).isEqualTo(TermClass.HEALTH);
        assertThat(terms.classify("PaidWeeklyTherapy")).isEqualTo(TermClass.HEALTH);
        assertThat(terms.classify("PTSDTherapyBooked")).isEqualTo(TermClass.HEALTH);
        assertThat(terms.classify("Paid: Med Management")).isEqualTo(TermClass.HEALTH);
        assertThat(terms.classify("lead_submitted")).isEqualTo(TermClass.NONE);
        assertThat(terms.classify("Form Submitted")).isEqualTo(TermClass.NONE);
    }

    @Test
    void query_strings_and_percent_encoded_text_are_read_decoded() {
        assertThat(terms.classify("/find?condition=ptsd")).isEqualTo(TermClass.HEALTH);
        assertThat(terms.classify("/search?q=help%20with%20opioid%2520use")).isEqualTo(TermClass.SUBSTANCE_USE);
    }

    @Test
    void plurals_and_multi_word_terms_match_but_only_as_consecutive_words() {
        assertThat(terms.classify("Our Therapists")).isEqualTo(TermClass.HEALTH);
        assertThat(terms.classify("therapies")).isEqualTo(TermClass.HEALTH);
        assertThat(terms.classify("/mental-health-tips")).isEqualTo(TermClass.HEALTH);
        assertThat(terms.classify("/sober-living-homes")).isEqualTo(TermClass.SUBSTANCE_USE);
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
