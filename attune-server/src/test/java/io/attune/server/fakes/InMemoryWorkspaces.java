package io.attune.server.fakes;

import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.Role;
import io.attune.core.workspace.Workspace;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.WorkspaceSettings;
import io.attune.core.workspace.Workspaces;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Workspaces} in memory. Secrets are random and returned only when created, as the port says;
 * unlike a real store this keeps them in the clear, which a fake may. Thread-safe, since the server
 * calls it from request threads.
 */
public final class InMemoryWorkspaces implements Workspaces {
    private final SecureRandom random = new SecureRandom();
    private final Map<WorkspaceId, Workspace> workspaces = new LinkedHashMap<>();
    private final Map<WorkspaceId, WorkspaceSettings> settings = new HashMap<>();
    private final Map<String, WorkspaceId> writeKeys = new ConcurrentHashMap<>();
    private final Map<String, Principal> apiKeys = new ConcurrentHashMap<>();

    @Override
    public synchronized Credentials create(String name, Segment defaultSegment, Instant at) {
        WorkspaceId id = new WorkspaceId("ws-" + (workspaces.size() + 1));
        Workspace workspace = new Workspace(id, name, defaultSegment, at);
        workspaces.put(id, workspace);
        String writeKey = secret("wk_");
        writeKeys.put(writeKey, id);
        String adminKey = issueApiKey(id, Role.ADMIN, "admin", at);
        return new Credentials(workspace, writeKey, adminKey);
    }

    @Override
    public synchronized Optional<Workspace> workspace(WorkspaceId id) {
        return Optional.ofNullable(workspaces.get(id));
    }

    @Override
    public synchronized List<Workspace> list() {
        return new ArrayList<>(workspaces.values());
    }

    @Override
    public Optional<WorkspaceId> byWriteKey(String writeKey) {
        return Optional.ofNullable(writeKeys.get(writeKey));
    }

    @Override
    public Optional<Principal> byApiKey(String apiKey) {
        return Optional.ofNullable(apiKeys.get(apiKey));
    }

    @Override
    public String issueApiKey(WorkspaceId workspace, Role role, String name, Instant at) {
        String key = secret("ak_");
        apiKeys.put(key, new Principal(workspace, role, name));
        return key;
    }

    @Override
    public synchronized WorkspaceSettings settings(WorkspaceId workspace) {
        return settings.getOrDefault(workspace, WorkspaceSettings.DEFAULT);
    }

    @Override
    public synchronized void saveSettings(WorkspaceId workspace, WorkspaceSettings saved, Instant at) {
        settings.put(workspace, saved);
    }

    private String secret(String prefix) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
