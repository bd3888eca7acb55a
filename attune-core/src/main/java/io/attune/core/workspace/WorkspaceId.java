package io.attune.core.workspace;

import java.util.Objects;
import java.util.regex.Pattern;

/** Names one tenant. Every event, lead, account and key belongs to exactly one workspace. */
public record WorkspaceId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public WorkspaceId {
        Objects.requireNonNull(value, "workspace id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("workspace id must be 1-64 letters, digits, '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
