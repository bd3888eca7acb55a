package io.attune.core.workspace;

import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do: {@code ADMIN} everything in its workspace, {@code READ} only read,
 * {@code CLINICIAN} read and clear crisis holds, which no other role may (CRISIS-04), {@code APPROVER}
 * read and write scoring model versions, and approve those of others, which no other role may.
 */
public enum Role {
    ADMIN, READ, CLINICIAN, APPROVER;

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

    /** Four eyes on scoring: the approver of a model version is never an admin acting alone. */
    public boolean mayApproveModels() {
        return this == APPROVER;
    }

    /** Drafting, proposing, activating and retiring model versions. */
    public boolean mayManageModels() {
        return this == ADMIN || this == APPROVER;
    }
}
