package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.store.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteStoreTest extends StoreContract {
    private static final int POOL = 4;
    private static final int FULL = 2;

    @Override
    TestDatabase.Engine engine() {
        return TestDatabase.Engine.SQLITE;
    }

    /** The writer's groups commit with deferred syncs; no connection may go back to the pool that way. */
    @Test
    void after_the_writers_groups_every_pooled_connection_syncs_its_commits_fully() throws Exception {
        for (int i = 0; i < 5; i++) {
            record(Events.page("sync-" + i, "anon-sync", "/pricing", T0.plusSeconds(i)));
        }
        assertThat(pooled(TestDatabase::synchronous)).containsOnly(FULL).hasSize(POOL);
    }

    /** SQLite's default cache of 2 MiB would send the writer back to the OS for pages it wrote a group ago. */
    @Test
    void every_pooled_connection_may_cache_sixty_four_mebibytes_of_pages() throws Exception {
        assertThat(pooled(TestDatabase::cacheSizeKib)).containsOnly(64 * 1024).hasSize(POOL);
    }

    /** What {@code pragma} reads on each connection of the pool, all held at once so that each is a different one. */
    private List<Integer> pooled(PragmaReader pragma) throws SQLException {
        List<Connection> pool = new ArrayList<>();
        try {
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                pool.add(store.database().connection());
                values.add(pragma.read(pool.get(i)));
            }
            return values;
        } finally {
            for (Connection connection : pool) {
                connection.close();
            }
        }
    }

    @FunctionalInterface
    private interface PragmaReader {
        int read(Connection connection) throws SQLException;
    }
}
