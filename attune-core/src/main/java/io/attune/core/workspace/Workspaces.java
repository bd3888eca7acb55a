package io.attune.core.workspace;

import io.attune.core.model.Segment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tenants and their keys. Keys are random secrets; storage keeps only their hashes. */
public interface Workspaces {

    /** Creates a workspace, its write key and an admin API key; the secrets are returned only here. */
    Credentials create(String name, Segment defaultSegment, Instant at);

    Optional<Workspace> workspace(WorkspaceId id);

    List<Workspace> list();

    Optional<WorkspaceId> byWriteKey(String writeKey);

    Optional<Principal> byApiKey(String apiKey);

    /** Issues another API key; the secret is returned only here. */
    String issueApiKey(WorkspaceId workspace, Role role, String name, Instant at);

    /** The workspace's settings; the defaults until it saves its own. */
    WorkspaceSettings settings(WorkspaceId workspace);

    /** Replaces the workspace's settings; they apply to what happens from now on. */
    void saveSettings(WorkspaceId workspace, WorkspaceSettings settings, Instant at);
}
