package io.attune.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {
    /** The secret of the Standard Webhooks reference libraries' tests (24 bytes, the spec's minimum). */
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void the_spec_test_secret_parses_to_its_24_bytes() {
        WebhookSecret secret = WebhookSecret.parse(SPEC_SECRET);

        assertThat(secret.key()).hasSize(24)
                .isEqualTo(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertThat(secret.value()).isEqualTo(SPEC_SECRET);
    }

    @Test
    void a_secret_without_the_whsec_prefix_is_refused_without_quoting_it() {
        assertThatThrownBy(() -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts with whsec_")
                .hasMessageNotContaining("MfKQ9r8G");
    }

    @Test
    void a_secret_that_is_not_base64_is_refused_without_quoting_it() {
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8I!PZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("standard base64")
                .hasMessageNotContaining("MfKQ9r8G")
                .hasNoCause();
    }

    @Test
    void secrets_shorter_than_24_or_longer_than_64_bytes_are_refused() {
        String short23 = "whsec_" + Base64.getEncoder().encodeToString(new byte[23]);
        String long65 = "whsec_" + Base64.getEncoder().encodeToString(new byte[65]);

        assertThatThrownBy(() -> WebhookSecret.parse(short23)).hasMessage(
                "a webhook secret holds 24 to 64 random bytes; this one holds 23");
        assertThatThrownBy(() -> WebhookSecret.parse(long65)).hasMessageContaining("this one holds 65");
        assertThat(WebhookSecret.parse("whsec_" + Base64.getEncoder().encodeToString(new byte[64])).key()).hasSize(64);
    }

    @Test
    void generated_secrets_are_32_random_bytes_that_parse_back() {
        SecureRandom random = new SecureRandom();
        WebhookSecret first = WebhookSecret.generate(random);
        WebhookSecret second = WebhookSecret.generate(random);

        assertThat(first.key()).hasSize(32);
        assertThat(WebhookSecret.parse(first.value())).isEqualTo(first);
        assertThat(first).isNotEqualTo(second);
        assertThat(WebhookSecret.generate(random, 64).key()).hasSize(64);
        assertThatThrownBy(() -> WebhookSecret.generate(random, 16)).hasMessageContaining("24 to 64");
    }

    @Test
    void to_string_names_the_secret_by_fingerprint_and_never_shows_it() {
        WebhookSecret secret = WebhookSecret.parse(SPEC_SECRET);

        assertThat(secret.toString()).isEqualTo("WebhookSecret[" + secret.fingerprint() + "]")
                .doesNotContain("MfKQ9r8G");
        assertThat(secret.fingerprint()).matches("sha256:[0-9a-f]{12}");
    }

    @Test
    void the_key_is_a_copy_that_callers_cannot_change() {
        WebhookSecret secret = WebhookSecret.parse(SPEC_SECRET);
        secret.key()[0] ^= 1;

        assertThat(secret.key()).isEqualTo(WebhookSecret.parse(SPEC_SECRET).key());
    }
}
