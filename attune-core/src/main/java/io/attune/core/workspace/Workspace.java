package io.attune.core.workspace;

import io.attune.core.model.Segment;
import java.time.Instant;
import java.util.Objects;

/** A tenant: its id, name, the segment of leads that name none, and when it was created. */
public record Workspace(WorkspaceId id, String name, Segment defaultSegment, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 100;

    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultSegment, "defaultSegment");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a workspace name is 1-" + MAX_NAME_LENGTH + " characters");
        }
    }
}
