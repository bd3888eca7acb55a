package io.attune.store.workspace;

import io.attune.core.identity.Digests;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.Role;
import io.attune.core.workspace.Workspace;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.WorkspaceSettings;
import io.attune.core.workspace.Workspaces;
import io.attune.store.db.Database;
import io.attune.store.model.JdbcModelRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workspaces and their keys in the database. Secrets are 192 random bits, shown once; only their
 * SHA-256 is stored. Look-ups by key are remembered for a short while, because every request
 * authenticates.
 */
public final class JdbcWorkspaces implements Workspaces {
    private static final Duration REMEMBER = Duration.ofSeconds(30);

    private final Database database;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, Remembered<WorkspaceId>> writeKeys = new ConcurrentHashMap<>();
    private final Map<String, Remembered<Principal>> apiKeys = new ConcurrentHashMap<>();
    private final Map<String, Remembered<WorkspaceSettings>> settings = new ConcurrentHashMap<>();

    private record Remembered<T>(T value, Instant until) {
    }

    public JdbcWorkspaces(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Credentials create(String name, Segment defaultSegment, Instant at) {
        WorkspaceId id = new WorkspaceId("ws_" + secret(9));
        Workspace workspace = new Workspace(id, name.trim(), defaultSegment, at);
        String writeKey = "wk_" + secret(24);
        String adminKey = "ak_" + secret(24);
        database.jdbi().useTransaction(handle -> {
            handle.createUpdate("INSERT INTO workspaces (workspace_id, name, default_segment, write_key_hash, "
                            + "created_at) VALUES (?, ?, ?, ?, ?)")
                    .bind(0, id.value()).bind(1, workspace.name()).bind(2, defaultSegment.wireName())
                    .bind(3, hash(writeKey)).bind(4, at.toEpochMilli()).execute();
            insertKey(handle, id, Role.ADMIN, "initial admin key", adminKey, at);
            JdbcModelRegistry.installStarterModels(handle, id, at);
        });
        return new Credentials(workspace, writeKey, adminKey);
    }

    @Override
    public Optional<Workspace> workspace(WorkspaceId id) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT workspace_id, name, default_segment, created_at FROM workspaces WHERE workspace_id = ?")
                .bind(0, id.value()).map((rs, ctx) -> row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4))).findOne());
    }

    @Override
    public List<Workspace> list() {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT workspace_id, name, default_segment, created_at FROM workspaces ORDER BY created_at, "
                                + "workspace_id")
                .map((rs, ctx) -> row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list());
    }

    private static Workspace row(String id, String name, String segment, long createdAt) {
        return new Workspace(new WorkspaceId(id), name, Segment.fromWireName(segment).orElse(Segment.CONSUMER),
                Instant.ofEpochMilli(createdAt));
    }

    @Override
    public Optional<WorkspaceId> byWriteKey(String writeKey) {
        if (writeKey == null || writeKey.isBlank() || writeKey.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(writeKey);
        return remembered(writeKeys, hash, () -> database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT workspace_id FROM workspaces WHERE write_key_hash = ?")
                .bind(0, hash).mapTo(String.class).findOne().map(WorkspaceId::new)));
    }

    @Override
    public Optional<Principal> byApiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(apiKey);
        return remembered(apiKeys, hash, () -> database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT workspace_id, role, key_id FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")
                .bind(0, hash).map((rs, ctx) -> new Principal(new WorkspaceId(rs.getString(1)),
                        Role.fromWireName(rs.getString(2)).orElse(Role.READ), rs.getString(3))).findOne()));
    }

    @Override
    public String issueApiKey(WorkspaceId workspace, Role role, String name, Instant at) {
        String key = "ak_" + secret(24);
        database.jdbi().useHandle(handle -> insertKey(handle, workspace, role, name, key, at));
        return key;
    }

    @Override
    public WorkspaceSettings settings(WorkspaceId workspace) {
        return remembered(settings, workspace.value(), () -> Optional.of(database.jdbi().withHandle(handle ->
                handle.createQuery("SELECT settings FROM workspace_settings WHERE workspace_id = ?")
                        .bind(0, workspace.value()).mapTo(String.class).findOne()
                        .map(SettingsJson::decode).orElse(WorkspaceSettings.DEFAULT)))).orElseThrow();
    }

    @Override
    public void saveSettings(WorkspaceId workspace, WorkspaceSettings saved, Instant at) {
        String json = SettingsJson.encode(saved);
        database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO workspace_settings (workspace_id, "
                        + "settings, updated_at) VALUES (?, ?, ?) ON CONFLICT (workspace_id) DO UPDATE SET "
                        + "settings = excluded.settings, updated_at = excluded.updated_at")
                .bind(0, workspace.value()).bind(1, json).bind(2, at.toEpochMilli()).execute());
        settings.remove(workspace.value());
    }

    private void insertKey(org.jdbi.v3.core.Handle handle, WorkspaceId workspace, Role role, String name, String key,
            Instant at) {
        handle.createUpdate("INSERT INTO api_keys (key_id, workspace_id, key_hash, role, name, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .bind(0, "key_" + secret(9)).bind(1, workspace.value()).bind(2, hash(key)).bind(3, role.wireName())
                .bind(4, name).bind(5, at.toEpochMilli()).execute();
    }

    private <T> Optional<T> remembered(Map<String, Remembered<T>> memory, String hash,
            java.util.function.Supplier<Optional<T>> lookup) {
        Instant now = clock.instant();
        Remembered<T> known = memory.get(hash);
        if (known != null && now.isBefore(known.until())) {
            return Optional.of(known.value());
        }
        Optional<T> found = lookup.get();
        found.ifPresentOrElse(value -> memory.put(hash, new Remembered<>(value, now.plus(REMEMBER))),
                () -> memory.remove(hash));
        return found;
    }

    private String secret(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String hash(String secret) {
        return Digests.sha256Hex(secret);
    }
}
