package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.store.testing.TestDatabase;
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
        assertThat(TestDatabase.eachPooled(store.database(), POOL, TestDatabase::synchronous))
                .containsOnly(FULL).hasSize(POOL);
    }

    /** SQLite's default cache of 2 MiB would send the writer back to the OS for pages it wrote a group ago. */
    @Test
    void every_pooled_connection_may_cache_sixty_four_mebibytes_of_pages() throws Exception {
        assertThat(TestDatabase.eachPooled(store.database(), POOL, TestDatabase::cacheSizeKib))
                .containsOnly(64 * 1024).hasSize(POOL);
    }
}
