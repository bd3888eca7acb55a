package io.attune.core.rights;

import java.util.Locale;
import java.util.Optional;

/** What a data subject asked for (USE-06). */
public enum RequestKind {
    /** A copy of everything held about them (right to access). */
    ACCESS,
    /** That everything held about them be deleted, here and by every recipient. */
    DELETION,
    /** That a consent be withdrawn: collection or sharing stops (an opt-out). */
    CONSENT_WITHDRAWAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RequestKind> fromWireName(String name) {
        for (RequestKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
