package io.attune.store.crypto;

/**
 * A stored value that cannot be opened: its key is not in the keyring, or it does not authenticate
 * (a wrong key, an edited value, or one copied from another row). Never a silent wrong answer.
 */
public final class UnreadableCellException extends RuntimeException {
    UnreadableCellException(String message) {
        super(message);
    }
}
