package io.attune.core.workspace;

import java.util.Locale;
import java.util.Optional;

/** What an API key may do: {@code ADMIN} everything in its workspace, {@code READ} only read. */
public enum Role {
    ADMIN, READ;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public boolean mayWrite() {
        return this == ADMIN;
    }
}
