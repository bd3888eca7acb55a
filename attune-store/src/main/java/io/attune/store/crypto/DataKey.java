package io.attune.store.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One 256-bit AES key and the id stored beside every value sealed under it. Its text form never
 * shows the key material.
 */
public record DataKey(String id, SecretKey secret) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final int BYTES = 32;

    public DataKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a data key id must be 1 to 32 letters, digits, '-' or '_'");
        }
        if (!"AES".equals(secret.getAlgorithm()) || secret.getEncoded().length != BYTES) {
            throw new IllegalArgumentException("data key " + id + " must be a 256-bit AES key (32 bytes)");
        }
    }

    /** Parses {@code base64} (32 bytes), naming only the key id in an error. */
    public static DataKey of(String id, String base64) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data key " + id + " is not valid base64");
        }
        if (material.length != BYTES) {
            throw new IllegalArgumentException("data key " + id + " must be 32 bytes (256 bits), base64-encoded; it is "
                    + material.length + " bytes");
        }
        return new DataKey(id, new SecretKeySpec(material, "AES"));
    }

    public static DataKey generate(String id, SecureRandom random) {
        byte[] material = new byte[BYTES];
        random.nextBytes(material);
        return new DataKey(id, new SecretKeySpec(material, "AES"));
    }

    /** The key as a keyring line: {@code id:base64}. */
    String line() {
        return id + ":" + Base64.getEncoder().encodeToString(secret.getEncoded());
    }

    @Override
    public String toString() {
        return "DataKey[" + id + "]";
    }
}
