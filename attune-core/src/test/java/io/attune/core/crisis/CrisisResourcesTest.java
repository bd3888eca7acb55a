package io.attune.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CrisisResourcesTest {

    @Test
    void the_us_resources_put_911_first_then_988_and_the_crisis_text_line() {
        String text = CrisisResources.US.text();

        assertThat(text).startsWith("If you are in immediate danger, call 911.")
                .contains("call or text 988", "chat at 988lifeline.org", "24/7, free and confidential",
                        "text HOME to 741741");
        assertThat(text.indexOf("911")).isLessThan(text.indexOf("988"));
    }

    @Test
    void the_resources_never_ask_the_reader_anything() {
        assertThat(CrisisResources.US.text()).doesNotContain("?");
    }

    @Test
    void every_resource_is_required() {
        assertThatThrownBy(() -> new CrisisResources("911", " ", "988lifeline.org", "HOME", "741741"))
                .hasMessage("lifelineNumber must not be blank");
    }
}
