package io.attune.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over the Standard Webhooks signed content {@code id.timestamp.body}. */
final class Hmac {
    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {
    }

    static SecretKeySpec keyOf(WebhookSecret secret) {
        return new SecretKeySpec(secret.key(), ALGORITHM);
    }

    /**
     * The body goes in as the exact bytes sent: re-encoding it (as a string, or re-serialized JSON)
     * is the most common way signatures stop matching.
     */
    static byte[] sign(SecretKeySpec key, String id, long timestamp, byte[] body) {
        try {
            // A Mac is stateful and not thread-safe; one per signature costs about a microsecond.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
