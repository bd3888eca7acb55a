package io.attune.store.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals text for a column with AES-GCM (the JDK's {@code AES/GCM/NoPadding}: a random 12-byte
 * nonce, a 128-bit tag, the cell's address as associated data) under the keyring's primary key,
 * and opens it under whichever key sealed it.
 *
 * <p>A sealed value is text, so it fits the existing {@code TEXT} columns on both engines:
 * {@code enc1:<key id>:<base64 of nonce, ciphertext and tag>}. The key id stays readable so that
 * {@code attune keys status} can count values per key with plain SQL.
 *
 * <p>Not final only so that the ingestion benchmark can measure what sealing costs against a
 * pass-through in the same run; Attune itself always seals.
 */
public class CellCipher {
    static final String PREFIX = "enc1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Keyring keyring;
    private final SecureRandom random;
    /** Looking a cipher up costs as much as sealing a lead's state, so each thread keeps one to re-initialise. */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(CellCipher::newCipher);

    public CellCipher(Keyring keyring) {
        this(keyring, new SecureRandom());
    }

    CellCipher(Keyring keyring, SecureRandom random) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.random = random;
    }

    public Keyring keyring() {
        return keyring;
    }

    /** The prefix every value sealed under {@code keyId} starts with. */
    public static String prefixOf(String keyId) {
        return PREFIX + ":" + keyId + ":";
    }

    /** Whether {@code stored} is a sealed value (anything else is text written before encryption). */
    public static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX + ":");
    }

    /** The id of the key that sealed {@code stored}, if it is sealed. */
    public static Optional<String> keyIdOf(String stored) {
        if (!isSealed(stored)) {
            return Optional.empty();
        }
        int end = stored.indexOf(':', PREFIX.length() + 1);
        return end < 0 ? Optional.empty() : Optional.of(stored.substring(PREFIX.length() + 1, end));
    }

    public String seal(String plaintext, CellAddress address) {
        DataKey key = keyring.primary();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(address.associatedData());
            byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
            ByteBuffer sealed = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(input.length));
            sealed.put(nonce);
            cipher.doFinal(ByteBuffer.wrap(input), sealed);
            return prefixOf(key.id()) + Base64.getEncoder().encodeToString(sealed.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused a 256-bit key and a 12-byte nonce", e);
        }
    }

    /**
     * The plaintext of {@code stored}. A value that was never sealed (written before encryption) is
     * returned as it is, until {@code attune keys reencrypt} seals it, if it has the form its column
     * held then ({@link SealedColumn#unsealed()}): JSON in the JSON columns, any text in the consent ledger.
     *
     * @throws UnreadableCellException when the key is missing or the value does not authenticate
     */
    public String open(String stored, CellAddress address) {
        return isSealed(stored) ? new String(opened(stored, address), StandardCharsets.UTF_8)
                : unsealed(stored, address);
    }

    /**
     * The plaintext of {@code stored} as UTF-8 bytes, for a reader that parses bytes (re-scoring reads
     * every stored event, and a string of each would only be copied again); otherwise as {@link #open}.
     */
    public byte[] openUtf8(String stored, CellAddress address) {
        return isSealed(stored) ? opened(stored, address)
                : unsealed(stored, address).getBytes(StandardCharsets.UTF_8);
    }

    private static String unsealed(String stored, CellAddress address) {
        if (address.column().unsealed() == SealedColumn.Unsealed.ANY_TEXT || stored.startsWith("{")) {
            return stored;
        }
        throw new UnreadableCellException(address + " is neither sealed nor JSON; it was not written by Attune");
    }

    private byte[] opened(String stored, CellAddress address) {
        int end = stored.indexOf(':', PREFIX.length() + 1);
        if (end < 0) {
            throw new UnreadableCellException(address + " is malformed");
        }
        String keyId = stored.substring(PREFIX.length() + 1, end);
        DataKey key = keyring.key(keyId).orElseThrow(() -> new UnreadableCellException(address
                + " is sealed under data key '" + keyId + "', which the configured keyring " + keyring
                + " does not hold: configure the keys it was written with (ATTUNE_DATA_KEYS or --data-key-file)"));
        ByteBuffer sealed;
        try {
            // decoded from the text's bytes in place, rather than from a copy of the text after the key id
            byte[] text = stored.getBytes(StandardCharsets.ISO_8859_1);
            sealed = Base64.getDecoder().decode(ByteBuffer.wrap(text, end + 1, text.length - end - 1));
        } catch (IllegalArgumentException e) {
            throw new UnreadableCellException(address + " is malformed (not base64)");
        }
        if (sealed.remaining() < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableCellException(address + " is malformed (too short)");
        }
        byte[] bytes = sealed.array();
        int offset = sealed.arrayOffset() + sealed.position();
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, bytes, offset, NONCE_BYTES));
            cipher.updateAAD(address.associatedData());
            return cipher.doFinal(bytes, offset + NONCE_BYTES, sealed.remaining() - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new UnreadableCellException(address + " does not authenticate under data key '" + keyId
                    + "': the key is not the one it was sealed with, or the value was altered or copied from another row");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused a 256-bit key and a 12-byte nonce", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is not available in this JVM", e);
        }
    }
}
