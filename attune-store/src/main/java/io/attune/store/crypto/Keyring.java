package io.attune.store.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data keys Attune may use: the first is the primary, which seals every new value; the others
 * only open values sealed before a rotation.
 *
 * <p>Text form, as in a key file or {@code ATTUNE_DATA_KEYS}: one {@code id:base64} entry per line
 * (or separated by commas), primary first; blank lines and lines starting with {@code #} are ignored.
 */
public record Keyring(List<DataKey> keys) {

    public Keyring {
        keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a keyring needs at least one data key");
        }
        Set<String> ids = new HashSet<>();
        for (DataKey key : keys) {
            if (!ids.add(key.id())) {
                throw new IllegalArgumentException("data key id " + key.id() + " appears twice");
            }
        }
    }

    /**
     * Parses the text form; {@code source} names where it came from (a setting or a file) in errors,
     * which never quote key material.
     */
    public static Keyring parse(String text, String source) {
        List<DataKey> keys = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.strip().startsWith("#")) {
                entries.addAll(List.of(line.split(",")));
            }
        }
        for (String entry : entries) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(source + ": each data key must be written id:base64 (a 256-bit "
                        + "key), primary first");
            }
            try {
                keys.add(DataKey.of(trimmed.substring(0, colon).trim(), trimmed.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage());
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no data key; write id:base64 (a 256-bit key)");
        }
        try {
            return new Keyring(keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    /** A keyring of one fresh key, {@code k1}. */
    public static Keyring generate(SecureRandom random) {
        return new Keyring(List.of(DataKey.generate("k1", random)));
    }

    public DataKey primary() {
        return keys.get(0);
    }

    public Optional<DataKey> key(String id) {
        // a loop, not a stream: every opened cell asks, and a keyring holds a few keys
        for (DataKey key : keys) {
            if (key.id().equals(id)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    public List<String> ids() {
        return keys.stream().map(DataKey::id).toList();
    }

    /** This keyring with a fresh primary key ({@code kN}, the first such id not taken); the old keys still open. */
    public Keyring rotated(SecureRandom random) {
        int n = keys.size() + 1;
        while (key("k" + n).isPresent()) {
            n++;
        }
        List<DataKey> rotated = new ArrayList<>(keys.size() + 1);
        rotated.add(DataKey.generate("k" + n, random));
        rotated.addAll(keys);
        return new Keyring(rotated);
    }

    /** The text form, one key per line, primary first. */
    public String text() {
        return keys.stream().map(DataKey::line).collect(Collectors.joining("\n", "", "\n"));
    }

    @Override
    public String toString() {
        return "Keyring" + ids();
    }
}
