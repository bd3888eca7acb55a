package io.attune.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * HMAC-SHA256 (RFC 2104) under a secret from configuration, for ids that must be stable but not
 * guessable: content groups and pseudonyms. Built on {@link MessageDigest} because the core uses
 * the JDK's {@code java.*} packages only. The key never appears in {@link #toString()}.
 */
public final class KeyedHash {
    private static final int BLOCK = 64;
    private static final int MIN_KEY_BYTES = 16;

    private final byte[] inner;
    private final byte[] outer;

    public KeyedHash(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a hashing key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        byte[] block = Arrays.copyOf(key.length > BLOCK ? sha256(key) : key, BLOCK);
        inner = new byte[BLOCK];
        outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            inner[i] = (byte) (block[i] ^ 0x36);
            outer[i] = (byte) (block[i] ^ 0x5c);
        }
    }

    /** A key from a configured secret (UTF-8), at least 16 bytes long. */
    public static KeyedHash of(String secret) {
        return new KeyedHash(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of {@code message} (UTF-8). */
    public byte[] mac(String message) {
        MessageDigest digest = digest();
        digest.update(inner);
        byte[] innerHash = digest.digest(message.getBytes(StandardCharsets.UTF_8));
        digest.update(outer);
        return digest.digest(innerHash);
    }

    /** The first {@code chars} lower-case hex digits of the MAC of {@code message}. */
    public String hex(String message, int chars) {
        if (chars < 1 || chars > 64) {
            throw new IllegalArgumentException("between 1 and 64 hex digits");
        }
        return HexFormat.of().formatHex(mac(message)).substring(0, chars);
    }

    private static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "KeyedHash[secret]";
    }
}
