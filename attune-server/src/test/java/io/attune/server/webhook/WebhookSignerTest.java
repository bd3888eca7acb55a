package io.attune.server.webhook;

import static io.attune.server.webhook.WebhookSecretTest.SPEC_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    /*
     * The test vector of the Standard Webhooks reference libraries
     * (github.com/standard-webhooks/standard-webhooks, libraries/java/src/test/java/com/standardwebhooks/
     * WebhookTest.java "verifyWebhookSignWorks", and libraries/javascript/src/webhook.test.ts
     * "sign function works"): the same secret, id, timestamp and payload give the same signature.
     */
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330;
    static final byte[] SPEC_PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final SecureRandom random = new SecureRandom();

    @Test
    void signing_the_spec_test_vector_gives_the_spec_signature() {
        WebhookSigner signer = new WebhookSigner(SigningSecrets.of(WebhookSecret.parse(SPEC_SECRET)));

        WebhookHeaders headers = signer.sign(new WebhookId(SPEC_ID), Instant.ofEpochSecond(SPEC_TIMESTAMP),
                SPEC_PAYLOAD);

        assertThat(headers.signature()).isEqualTo(SPEC_SIGNATURE);
        assertThat(WebhookSigner.signature(WebhookSecret.parse(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void the_headers_carry_the_id_and_the_attempt_time_in_unix_seconds() {
        WebhookSigner signer = new WebhookSigner(SigningSecrets.of(WebhookSecret.parse(SPEC_SECRET)));

        WebhookHeaders headers = signer.sign(new WebhookId(SPEC_ID), Instant.ofEpochSecond(SPEC_TIMESTAMP, 999_000_000),
                SPEC_PAYLOAD);

        assertThat(headers.asMap()).containsExactly(Map.entry("webhook-id", SPEC_ID),
                Map.entry("webhook-timestamp", "1614265330"), Map.entry("webhook-signature", SPEC_SIGNATURE));
    }

    @Test
    void during_a_rotation_both_secrets_sign_current_first() {
        WebhookSecret old = WebhookSecret.parse(SPEC_SECRET);
        WebhookSecret next = WebhookSecret.generate(random);
        SigningSecrets rotating = SigningSecrets.of(old).rotateTo(next);

        String header = new WebhookSigner(rotating).sign(new WebhookId(SPEC_ID), Instant.ofEpochSecond(SPEC_TIMESTAMP),
                SPEC_PAYLOAD).signature();

        assertThat(header.split(" ")).containsExactly(
                WebhookSigner.signature(next, SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD), SPEC_SIGNATURE);
    }

    @Test
    void the_signature_covers_the_exact_body_bytes_even_when_they_are_not_utf8() throws Exception {
        WebhookSecret secret = WebhookSecret.generate(random);
        byte[] body = {(byte) 0xff, (byte) 0xfe, 0, '{', '}'};

        String signature = new WebhookSigner(SigningSecrets.of(secret))
                .sign(new WebhookId("msg_1"), Instant.ofEpochSecond(1700000000), body).signature();

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
        mac.update("msg_1.1700000000.".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)));
    }

    @Test
    void a_rotation_keeps_the_previous_secret_signing_until_the_next_rotation_or_its_retirement() {
        WebhookSecret first = WebhookSecret.generate(random);
        WebhookSecret second = WebhookSecret.generate(random);
        WebhookSecret third = WebhookSecret.generate(random);
        SigningSecrets rotating = SigningSecrets.of(first).rotateTo(second);

        assertThat(rotating.active()).containsExactly(second, first);
        assertThat(rotating.rotateTo(third).active()).containsExactly(third, second);
        assertThat(rotating.retirePrevious().active()).containsExactly(second);
        assertThatThrownBy(() -> SigningSecrets.of(first).rotateTo(first)).hasMessageContaining("needs a new secret");
    }

    @Test
    void stored_secrets_newest_first_become_the_current_and_the_previous() {
        WebhookSecret first = WebhookSecret.generate(random);
        WebhookSecret second = WebhookSecret.generate(random);

        assertThat(SigningSecrets.newestFirst(List.of(second.value(), first.value())).active())
                .containsExactly(second, first);
        assertThat(SigningSecrets.newestFirst(List.of(first.value())).active()).containsExactly(first);
        assertThatThrownBy(() -> SigningSecrets.newestFirst(List.of())).hasMessageContaining("it has 0");
    }

    @Test
    void ids_that_could_be_confused_with_the_separator_are_refused() {
        assertThatThrownBy(() -> new WebhookId("msg.1")).hasMessageContaining("letters, digits, '_' or '-'");
        assertThatThrownBy(() -> new WebhookId("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new WebhookId("msg_0123456789abcdef0123456789abcdef").value()).startsWith("msg_");
    }
}
