package io.attune.server.webhook;

import io.attune.server.webhook.Verification.Reason;
import io.attune.server.webhook.Verification.Rejected;
import io.attune.server.webhook.Verification.Verified;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request the way a receiver of Attune's webhooks should (docs/webhooks.md): all three
 * headers present, the timestamp within a tolerance of the receiver's clock (replays are refused),
 * and at least one {@code v1} signature in the header equal — compared in constant time — to the
 * HMAC of {@code id.timestamp.body} under one of the trusted secrets. Signatures of other versions
 * (such as {@code v1a}) are skipped, as the spec asks. A receiver in the middle of a rotation
 * trusts both secrets. Immutable and safe to share between threads.
 */
public final class WebhookVerifier {
    /** The tolerance the Standard Webhooks reference libraries use. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern SPACES = Pattern.compile(" +");

    private final List<SecretKeySpec> keys;
    private final long toleranceSeconds;
    private final Clock clock;

    public WebhookVerifier(List<WebhookSecret> trusted, Duration tolerance, Clock clock) {
        Objects.requireNonNull(trusted, "trusted secrets");
        Objects.requireNonNull(tolerance, "tolerance");
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("a webhook verifier needs at least one trusted secret");
        }
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("the timestamp tolerance must be positive");
        }
        this.keys = trusted.stream().map(Hmac::keyOf).toList();
        this.toleranceSeconds = tolerance.getSeconds();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public WebhookVerifier(List<WebhookSecret> trusted, Clock clock) {
        this(trusted, DEFAULT_TOLERANCE, clock);
    }

    /** Verifies with headers as most HTTP servers give them: names in any case, each with its values. */
    public Verification verify(Map<String, List<String>> headers, byte[] body) {
        return verify(first(headers, WebhookHeaders.ID), first(headers, WebhookHeaders.TIMESTAMP),
                first(headers, WebhookHeaders.SIGNATURE), body);
    }

    /**
     * @param id the {@code webhook-id} header, {@code null} if absent
     * @param timestamp the {@code webhook-timestamp} header, {@code null} if absent
     * @param signatures the {@code webhook-signature} header, {@code null} if absent
     * @param body the raw request body, exactly as received (never re-serialized JSON)
     */
    public Verification verify(String id, String timestamp, String signatures, byte[] body) {
        Objects.requireNonNull(body, "body");
        if (isBlank(id) || isBlank(timestamp) || isBlank(signatures)) {
            return new Rejected(Reason.MISSING_HEADER);
        }
        if (!WebhookId.isValid(id)) {
            return new Rejected(Reason.MALFORMED_ID);
        }
        if (!SECONDS.matcher(timestamp).matches()) {
            return new Rejected(Reason.MALFORMED_TIMESTAMP);
        }
        long seconds = Long.parseLong(timestamp);
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > toleranceSeconds) {
            return new Rejected(Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
        }
        return matches(id, seconds, signatures.trim(), body)
                ? new Verified(new WebhookId(id), Instant.ofEpochSecond(seconds))
                : new Rejected(Reason.NO_MATCHING_SIGNATURE);
    }

    private boolean matches(String id, long timestamp, String signatures, byte[] body) {
        List<byte[]> expected = keys.stream().map(key -> Hmac.sign(key, id, timestamp, body)).toList();
        for (String candidate : SPACES.split(signatures)) {
            byte[] given = decode(candidate);
            if (given == null) {
                continue;
            }
            for (byte[] mac : expected) {
                // MessageDigest.isEqual takes the same time whatever bytes differ.
                if (MessageDigest.isEqual(mac, given)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The MAC of a {@code v1,<base64>} signature, {@code null} for other versions and malformed ones. */
    private static byte[] decode(String candidate) {
        int comma = candidate.indexOf(',');
        if (comma < 0 || !candidate.substring(0, comma).equals(WebhookSigner.VERSION)) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(candidate.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)
                    && header.getValue() != null && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
