package io.attune.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A symmetric signing secret in the Standard Webhooks serialization: {@code whsec_} followed by the
 * base64 of 24 to 64 random bytes (the spec asks for at least 192 bits and at most 512). {@code value}
 * is the secret itself, to be shown once and stored encrypted; {@link #toString()} never shows it, and
 * no error message quotes it.
 */
public record WebhookSecret(String value) {
    public static final String PREFIX = "whsec_";
    public static final int MIN_BYTES = 24;
    public static final int MAX_BYTES = 64;
    /** 256 bits: well inside the spec's range and the size of the HMAC-SHA256 output. */
    public static final int DEFAULT_BYTES = 32;

    public WebhookSecret {
        Objects.requireNonNull(value, "webhook secret");
        keyOf(value);
    }

    /** Same as the constructor; reads better where a configured secret is checked. */
    public static WebhookSecret parse(String text) {
        return new WebhookSecret(text);
    }

    /** A new secret of {@link #DEFAULT_BYTES} random bytes. */
    public static WebhookSecret generate(SecureRandom random) {
        return generate(random, DEFAULT_BYTES);
    }

    public static WebhookSecret generate(SecureRandom random, int bytes) {
        checkLength(bytes);
        byte[] key = new byte[bytes];
        random.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The key bytes the HMAC is computed with; a fresh copy on every call. */
    public byte[] key() {
        return keyOf(value);
    }

    /**
     * Names the secret without revealing it: the first 12 hex digits of the SHA-256 of its key, so
     * an operator can tell which secret a destination holds during a rotation.
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key());
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + fingerprint() + "]";
    }

    private static byte[] keyOf(String value) {
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX
                    + " followed by base64 (Standard Webhooks); generate one with WebhookSecret.generate");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character; the secret must not reach a log.
            throw new IllegalArgumentException("a webhook secret is " + PREFIX
                    + " followed by standard base64 (A-Z, a-z, 0-9, '+', '/', '=' padding)");
        }
        checkLength(key.length);
        return key;
    }

    private static void checkLength(int bytes) {
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("a webhook secret holds " + MIN_BYTES + " to " + MAX_BYTES
                    + " random bytes; this one holds " + bytes);
        }
    }
}
