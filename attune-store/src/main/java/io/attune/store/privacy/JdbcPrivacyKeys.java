package io.attune.store.privacy;

import io.attune.core.privacy.KeyedHash;
import io.attune.core.privacy.PrivacyKeys;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.db.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each workspace's privacy keys in the database: 32 random bytes each, made the first time a workspace
 * needs them. Two servers making them at once both keep the first that was stored (insert-if-absent,
 * then read). Kept in memory once read, since they never change. The keys are never logged and never
 * appear in an exception message.
 */
public final class JdbcPrivacyKeys implements PrivacyKeys {
    private static final int KEY_BYTES = 32;

    private final Database database;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<WorkspaceId, Keys> cache = new ConcurrentHashMap<>();

    public JdbcPrivacyKeys(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Keys of(WorkspaceId workspace) {
        return cache.computeIfAbsent(workspace, this::load);
    }

    private Keys load(WorkspaceId workspace) {
        return stored(workspace).orElseGet(() -> {
            database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO privacy_keys (workspace_id, "
                            + "content_group_key, pseudonym_key, created_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (workspace_id) DO NOTHING")
                    .bind(0, workspace.value()).bind(1, fresh()).bind(2, fresh())
                    .bind(3, clock.instant().toEpochMilli()).execute());
            return stored(workspace).orElseThrow();
        });
    }

    private Optional<Keys> stored(WorkspaceId workspace) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT content_group_key, pseudonym_key FROM privacy_keys WHERE workspace_id = ?")
                .bind(0, workspace.value())
                .map((rs, ctx) -> new Keys(key(rs.getString(1)), key(rs.getString(2)))).findOne());
    }

    private String fresh() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static KeyedHash key(String stored) {
        return new KeyedHash(Base64.getDecoder().decode(stored));
    }
}
