package io.attune.server.webhook;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs outbound messages as the Standard Webhooks spec says: {@code webhook-signature} holds
 * {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body} under each active secret,
 * space-separated, current secret first. Immutable and safe to share between threads.
 */
public final class WebhookSigner {
    static final String VERSION = "v1";

    private final List<SecretKeySpec> keys;

    public WebhookSigner(SigningSecrets secrets) {
        Objects.requireNonNull(secrets, "secrets");
        this.keys = secrets.active().stream().map(Hmac::keyOf).toList();
    }

    /**
     * @param attemptedAt when this delivery attempt is made (not when the event happened): receivers
     *     reject timestamps outside their tolerance, so every retry is signed afresh
     * @param body the exact bytes of the request body
     */
    public WebhookHeaders sign(WebhookId id, Instant attemptedAt, byte[] body) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        long timestamp = attemptedAt.getEpochSecond();
        StringJoiner signatures = new StringJoiner(" ");
        for (SecretKeySpec key : keys) {
            signatures.add(signature(key, id.value(), timestamp, body));
        }
        return new WebhookHeaders(id, timestamp, signatures.toString());
    }

    /** One {@code v1,<base64>} signature; public for receivers' tests and the documentation's examples. */
    public static String signature(WebhookSecret secret, String id, long timestamp, byte[] body) {
        return signature(Hmac.keyOf(secret), id, timestamp, body);
    }

    private static String signature(SecretKeySpec key, String id, long timestamp, byte[] body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(Hmac.sign(key, id, timestamp, body));
    }
}
