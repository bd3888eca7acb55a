package io.attune.core.workspace;

import java.util.Objects;

/**
 * A new workspace's secrets, shown once: the write key (for ingestion) and an admin API key.
 * Only their hashes are stored.
 */
public record Credentials(Workspace workspace, String writeKey, String adminKey) {
    public Credentials {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(writeKey, "writeKey");
        Objects.requireNonNull(adminKey, "adminKey");
    }

    /** The secrets stay out of logs and exception messages. */
    @Override
    public String toString() {
        return "Credentials[" + workspace.id() + "]";
    }
}
