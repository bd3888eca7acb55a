package io.attune.core.copy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the words around a match change what it means. */
public enum CheckKind {
    /**
     * Something the copy asserts: negated ("there is no cure"), disclaimed ("we do not guarantee")
     * or quoted as a phrase ("some ads promise a 'cure'") it asserts nothing.
     */
    CLAIM,
    /** A word that is wrong however it is used ("junkie"), unless quoted as a phrase to talk about it. */
    TERM,
    /** A subject that obliges the copy to say something else somewhere; one finding per text at most. */
    TOPIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CheckKind> ofWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst();
    }
}
