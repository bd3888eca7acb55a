package io.attune.core.model;

import io.attune.core.condition.Condition;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A buying-committee role (benefits leader, finance, broker…) recognised from a contact's
 * attributes. An account earns {@code points} while a contact in that role has engaged within the
 * account model's coverage window.
 */
public record CommitteeRole(String role, String description, Condition when, double points) {
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public CommitteeRole {
        Objects.requireNonNull(when, "when");
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("roles are 1-64 lower-case letters, digits or '_'");
        }
        description = description == null ? "" : description;
        ModelChecks.finite(points, "points");
    }
}
