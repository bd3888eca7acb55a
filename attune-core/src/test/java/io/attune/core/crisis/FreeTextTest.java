package io.attune.core.crisis;

import static io.attune.core.TestEvents.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreeTextTest {
    @Test
    void every_written_value_is_screened_and_no_identifier_link_or_technical_field() {
        Map<String, Object> properties = Map.of(
                "message", "I can't sleep and nothing helps",
                "notes", List.of("first visit", "12345"),
                "answers", Map.of("why", "my brother worries me"),
                "formId", "contact-us", "form_id", "contact-us", "User-Agent", "Mozilla/5.0",
                "utm_campaign", "spring", "reply", "someone@example.org", "see", "https://example.org/help");

        assertThat(FreeText.of(user("u-1").track("Form Submitted", properties))).containsExactlyInAnyOrder(
                "I can't sleep and nothing helps", "first visit", "my brother worries me");
    }

    @Test
    void a_field_name_gets_the_same_verdict_every_time_it_is_asked() {
        for (int i = 0; i < 3; i++) {
            assertThat(FreeText.mayHoldFreeText("comment")).isTrue();
            assertThat(FreeText.mayHoldFreeText("USER_ID")).isFalse();
            assertThat(FreeText.mayHoldFreeText("Referrer")).isFalse();
            assertThat(FreeText.isFreeText("comment", "thank you")).isTrue();
            assertThat(FreeText.isFreeText("email", "thank you")).isFalse();
        }
    }

    @Test
    void names_beyond_those_remembered_are_still_judged() {
        for (int i = 0; i < 5_000; i++) {
            assertThat(FreeText.mayHoldFreeText("answer" + i)).isTrue();
            assertThat(FreeText.mayHoldFreeText("answer" + i + "Id")).isFalse();
        }
    }
}
