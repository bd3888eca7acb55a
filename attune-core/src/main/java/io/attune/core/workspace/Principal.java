package io.attune.core.workspace;

import java.util.Objects;

/** Who is calling the API: an API key of one workspace, with its role. {@code keyId} is not the secret. */
public record Principal(WorkspaceId workspace, Role role, String keyId) {
    public Principal {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(keyId, "keyId");
    }
}
