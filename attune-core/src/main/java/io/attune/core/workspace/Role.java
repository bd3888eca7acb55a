package io.attune.core.workspace;

import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do: {@code ADMIN} everything in its workspace, {@code READ} only read,
 * {@code CLINICIAN} read and clear crisis holds, which no other role may (CRISIS-04).
 */
public enum Role {
    ADMIN, READ, CLINICIAN;

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

    public boolean mayClearCrisisHolds() {
        return this == CLINICIAN;
    }
}
