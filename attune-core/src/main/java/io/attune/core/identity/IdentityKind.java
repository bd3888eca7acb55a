package io.attune.core.identity;

import java.util.Locale;

/** The ways a person is known: the app's user id, the browser or device id, and an email address. */
public enum IdentityKind {
    USER_ID, ANONYMOUS_ID, EMAIL;

    public String wireName() {
        return switch (this) {
            case USER_ID -> "userId";
            case ANONYMOUS_ID -> "anonymousId";
            case EMAIL -> "email";
        };
    }

    public static IdentityKind fromWireName(String name) {
        for (IdentityKind kind : values()) {
            if (kind.wireName().equals(name) || kind.name().equals(name.toUpperCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown identity kind: " + name);
    }
}
