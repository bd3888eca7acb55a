package io.attune.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Sign, then verify: any message verifies as signed, and any change to body, id or timestamp does not. */
class WebhookSignatureProperties {
    private static final long NOW = 1_750_000_000L;

    @Provide
    Arbitrary<WebhookSecret> secrets() {
        return Arbitraries.integers().between(WebhookSecret.MIN_BYTES, WebhookSecret.MAX_BYTES)
                .flatMap(size -> Arbitraries.bytes().array(byte[].class).ofSize(size))
                .map(key -> new WebhookSecret("whsec_" + Base64.getEncoder().encodeToString(key)));
    }

    @Provide
    Arbitrary<WebhookId> ids() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars('_', '-').ofMinLength(1).ofMaxLength(128).map(WebhookId::new);
    }

    @Provide
    Arbitrary<SigningSecrets> rotations() {
        return Combinators.combine(secrets(), secrets()).as((current, previous) -> current.equals(previous)
                ? SigningSecrets.of(current) : SigningSecrets.of(previous).rotateTo(current));
    }

    private static Verification verify(List<WebhookSecret> trusted, WebhookHeaders headers, String id, long timestamp,
            byte[] body) {
        WebhookVerifier verifier = new WebhookVerifier(trusted, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        return verifier.verify(id, Long.toString(timestamp), headers.signature(), body);
    }

    @Property
    void a_signed_message_verifies(@ForAll("secrets") WebhookSecret secret, @ForAll("ids") WebhookId id,
            @ForAll @LongRange(min = NOW - 300, max = NOW + 300) long timestamp, @ForAll @Size(max = 2048) byte[] body) {
        WebhookHeaders headers = new WebhookSigner(SigningSecrets.of(secret)).sign(id, Instant.ofEpochSecond(timestamp),
                body);

        assertThat(verify(List.of(secret), headers, id.value(), timestamp, body))
                .isEqualTo(new Verification.Verified(id, Instant.ofEpochSecond(timestamp)));
    }

    @Property
    void any_changed_body_byte_fails(@ForAll("secrets") WebhookSecret secret, @ForAll("ids") WebhookId id,
            @ForAll @Size(min = 1, max = 1024) byte[] body, @ForAll @IntRange(min = 0, max = 1023) int at,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        WebhookHeaders headers = new WebhookSigner(SigningSecrets.of(secret)).sign(id, Instant.ofEpochSecond(NOW), body);
        byte[] tampered = body.clone();
        tampered[at % body.length] ^= (byte) flip;

        assertThat(verify(List.of(secret), headers, id.value(), NOW, tampered).verified()).isFalse();
    }

    @Property
    void a_byte_more_or_less_fails(@ForAll("secrets") WebhookSecret secret, @ForAll("ids") WebhookId id,
            @ForAll @Size(min = 1, max = 1024) byte[] body, @ForAll byte extra) {
        WebhookHeaders headers = new WebhookSigner(SigningSecrets.of(secret)).sign(id, Instant.ofEpochSecond(NOW), body);
        byte[] longer = Arrays.copyOf(body, body.length + 1);
        longer[body.length] = extra;

        assertThat(verify(List.of(secret), headers, id.value(), NOW, longer).verified()).isFalse();
        assertThat(verify(List.of(secret), headers, id.value(), NOW, Arrays.copyOf(body, body.length - 1)).verified())
                .isFalse();
    }

    @Property
    void another_id_fails(@ForAll("secrets") WebhookSecret secret, @ForAll("ids") WebhookId id,
            @ForAll("ids") WebhookId other, @ForAll @Size(max = 256) byte[] body) {
        WebhookHeaders headers = new WebhookSigner(SigningSecrets.of(secret)).sign(id, Instant.ofEpochSecond(NOW), body);

        assertThat(verify(List.of(secret), headers, other.value(), NOW, body).verified())
                .isEqualTo(other.equals(id));
    }

    @Property
    void another_timestamp_fails_even_within_tolerance(@ForAll("secrets") WebhookSecret secret,
            @ForAll("ids") WebhookId id, @ForAll @IntRange(min = -300, max = 300) int shift,
            @ForAll @Size(max = 256) byte[] body) {
        WebhookHeaders headers = new WebhookSigner(SigningSecrets.of(secret)).sign(id, Instant.ofEpochSecond(NOW), body);

        assertThat(verify(List.of(secret), headers, id.value(), NOW + shift, body).verified()).isEqualTo(shift == 0);
    }

    @Property
    void during_a_rotation_each_secret_alone_verifies(@ForAll("rotations") SigningSecrets secrets,
            @ForAll("ids") WebhookId id, @ForAll @Size(max = 256) byte[] body) {
        WebhookHeaders headers = new WebhookSigner(secrets).sign(id, Instant.ofEpochSecond(NOW), body);

        for (WebhookSecret secret : secrets.active()) {
            assertThat(verify(List.of(secret), headers, id.value(), NOW, body).verified()).isTrue();
        }
    }

    @Property
    void an_unrelated_secret_fails(@ForAll("secrets") WebhookSecret secret, @ForAll("secrets") WebhookSecret other,
            @ForAll("ids") WebhookId id, @ForAll @Size(max = 256) byte[] body) {
        WebhookHeaders headers = new WebhookSigner(SigningSecrets.of(secret)).sign(id, Instant.ofEpochSecond(NOW), body);

        assertThat(verify(List.of(other), headers, id.value(), NOW, body).verified())
                .isEqualTo(sameHmacKey(other, secret));
    }

    /**
     * HMAC pads keys shorter than its 64-byte block with zeros, so two keys that differ only in
     * trailing zero bytes are the same key. Random secrets never do; jqwik's edge cases (all zeros of
     * two lengths) do.
     */
    private static boolean sameHmacKey(WebhookSecret a, WebhookSecret b) {
        return Arrays.equals(Arrays.copyOf(a.key(), 64), Arrays.copyOf(b.key(), 64));
    }
}
