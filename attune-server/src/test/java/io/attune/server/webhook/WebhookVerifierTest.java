package io.attune.server.webhook;

import static io.attune.server.webhook.WebhookSecretTest.SPEC_SECRET;
import static io.attune.server.webhook.WebhookSignerTest.SPEC_ID;
import static io.attune.server.webhook.WebhookSignerTest.SPEC_PAYLOAD;
import static io.attune.server.webhook.WebhookSignerTest.SPEC_SIGNATURE;
import static io.attune.server.webhook.WebhookSignerTest.SPEC_TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.server.webhook.Verification.Reason;
import io.attune.server.webhook.Verification.Rejected;
import io.attune.server.webhook.Verification.Verified;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
    private static final String TIMESTAMP = Long.toString(SPEC_TIMESTAMP);
    private final SecureRandom random = new SecureRandom();

    private static WebhookVerifier verifierAt(long epochSecond, WebhookSecret... trusted) {
        return new WebhookVerifier(List.of(trusted),
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static WebhookVerifier specVerifierAt(long epochSecond) {
        return verifierAt(epochSecond, WebhookSecret.parse(SPEC_SECRET));
    }

    @Test
    void the_spec_test_vector_verifies_and_gives_the_id_to_deduplicate_on() {
        Verification result = specVerifierAt(SPEC_TIMESTAMP).verify(SPEC_ID, TIMESTAMP, SPEC_SIGNATURE, SPEC_PAYLOAD);

        assertThat(result).isEqualTo(new Verified(new WebhookId(SPEC_ID), Instant.ofEpochSecond(SPEC_TIMESTAMP)));
    }

    @Test
    void timestamps_up_to_five_minutes_either_side_of_the_clock_are_accepted_and_no_further() {
        assertThat(specVerifierAt(SPEC_TIMESTAMP + 300).verify(SPEC_ID, TIMESTAMP, SPEC_SIGNATURE, SPEC_PAYLOAD)
                .verified()).isTrue();
        assertThat(specVerifierAt(SPEC_TIMESTAMP - 300).verify(SPEC_ID, TIMESTAMP, SPEC_SIGNATURE, SPEC_PAYLOAD)
                .verified()).isTrue();
        assertThat(specVerifierAt(SPEC_TIMESTAMP + 301).verify(SPEC_ID, TIMESTAMP, SPEC_SIGNATURE, SPEC_PAYLOAD))
                .isEqualTo(new Rejected(Reason.TIMESTAMP_OUTSIDE_TOLERANCE));
        assertThat(specVerifierAt(SPEC_TIMESTAMP - 301).verify(SPEC_ID, TIMESTAMP, SPEC_SIGNATURE, SPEC_PAYLOAD))
                .isEqualTo(new Rejected(Reason.TIMESTAMP_OUTSIDE_TOLERANCE));
    }

    @Test
    void a_receiver_can_choose_its_own_tolerance() {
        WebhookVerifier strict = new WebhookVerifier(List.of(WebhookSecret.parse(SPEC_SECRET)), Duration.ofSeconds(30),
                Clock.fixed(Instant.ofEpochSecond(SPEC_TIMESTAMP + 31), ZoneOffset.UTC));

        assertThat(strict.verify(SPEC_ID, TIMESTAMP, SPEC_SIGNATURE, SPEC_PAYLOAD))
                .isEqualTo(new Rejected(Reason.TIMESTAMP_OUTSIDE_TOLERANCE));
    }

    @Test
    void a_missing_or_empty_header_is_refused() {
        WebhookVerifier verifier = specVerifierAt(SPEC_TIMESTAMP);
        Rejected missing = new Rejected(Reason.MISSING_HEADER);

        assertThat(verifier.verify(null, TIMESTAMP, SPEC_SIGNATURE, SPEC_PAYLOAD)).isEqualTo(missing);
        assertThat(verifier.verify(SPEC_ID, null, SPEC_SIGNATURE, SPEC_PAYLOAD)).isEqualTo(missing);
        assertThat(verifier.verify(SPEC_ID, TIMESTAMP, null, SPEC_PAYLOAD)).isEqualTo(missing);
        assertThat(verifier.verify(SPEC_ID, TIMESTAMP, " ", SPEC_PAYLOAD)).isEqualTo(missing);
    }

    @Test
    void timestamps_that_are_not_whole_unix_seconds_are_refused() {
        WebhookVerifier verifier = specVerifierAt(SPEC_TIMESTAMP);
        for (String timestamp : List.of("hello", "-1614265330", "1614265330.5", "1.6e9", "99999999999999999999")) {
            assertThat(verifier.verify(SPEC_ID, timestamp, SPEC_SIGNATURE, SPEC_PAYLOAD))
                    .as(timestamp).isEqualTo(new Rejected(Reason.MALFORMED_TIMESTAMP));
        }
    }

    @Test
    void an_id_with_a_full_stop_is_refused_because_it_would_shift_the_signed_content() {
        assertThat(specVerifierAt(SPEC_TIMESTAMP).verify("msg.x", TIMESTAMP, SPEC_SIGNATURE, SPEC_PAYLOAD))
                .isEqualTo(new Rejected(Reason.MALFORMED_ID));
    }

    @Test
    void partial_invalid_and_other_version_signatures_never_match() {
        WebhookVerifier verifier = specVerifierAt(SPEC_TIMESTAMP);
        Rejected noMatch = new Rejected(Reason.NO_MATCHING_SIGNATURE);
        String base64 = SPEC_SIGNATURE.substring(3);

        for (String header : List.of("v1,", SPEC_SIGNATURE.substring(0, 8), "v1,dawfeoifkpqwoekfpqoekf", base64,
                "v2," + base64, "v1a," + base64, "invalid_signature")) {
            assertThat(verifier.verify(SPEC_ID, TIMESTAMP, header, SPEC_PAYLOAD)).as(header).isEqualTo(noMatch);
        }
    }

    @Test
    void any_matching_signature_in_a_list_is_enough() {
        // The multi-signature case of the reference libraries' tests.
        String header = String.join(" ", "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
                "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", SPEC_SIGNATURE,
                "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=");

        assertThat(specVerifierAt(SPEC_TIMESTAMP).verify(SPEC_ID, TIMESTAMP, header, SPEC_PAYLOAD).verified()).isTrue();
    }

    @Test
    void during_a_rotation_a_receiver_holding_either_secret_accepts_the_message() {
        WebhookSecret old = WebhookSecret.generate(random);
        WebhookSecret next = WebhookSecret.generate(random);
        Instant now = Instant.ofEpochSecond(1_750_000_000);
        WebhookHeaders headers = new WebhookSigner(SigningSecrets.of(old).rotateTo(next))
                .sign(new WebhookId("msg_rotation"), now, SPEC_PAYLOAD);

        for (WebhookVerifier receiver : List.of(verifierAt(now.getEpochSecond(), old),
                verifierAt(now.getEpochSecond(), next), verifierAt(now.getEpochSecond(), next, old))) {
            assertThat(receiver.verify(headers.asMap().get("webhook-id"), headers.asMap().get("webhook-timestamp"),
                    headers.signature(), SPEC_PAYLOAD).verified()).isTrue();
        }
        assertThat(verifierAt(now.getEpochSecond(), WebhookSecret.generate(random))
                .verify("msg_rotation", Long.toString(now.getEpochSecond()), headers.signature(), SPEC_PAYLOAD))
                .isEqualTo(new Rejected(Reason.NO_MATCHING_SIGNATURE));
    }

    @Test
    void header_names_are_matched_in_any_case() {
        Map<String, List<String>> headers = Map.of("Webhook-Id", List.of(SPEC_ID), "WEBHOOK-TIMESTAMP",
                List.of(TIMESTAMP), "webhook-signature", List.of(SPEC_SIGNATURE));

        assertThat(specVerifierAt(SPEC_TIMESTAMP).verify(headers, SPEC_PAYLOAD).verified()).isTrue();
        assertThat(specVerifierAt(SPEC_TIMESTAMP).verify(Map.of(), SPEC_PAYLOAD))
                .isEqualTo(new Rejected(Reason.MISSING_HEADER));
    }

    @Test
    void rejection_messages_name_headers_and_never_carry_their_values() {
        for (Reason reason : Reason.values()) {
            assertThat(reason.message()).contains("webhook-").doesNotContain(SPEC_ID).doesNotContain(TIMESTAMP);
        }
    }
}
