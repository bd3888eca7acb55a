package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.store.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        List<Connection> pool = new ArrayList<>();
        try {
            for (int i = 0; i < POOL; i++) {
                pool.add(store.database().connection());
            }
            for (Connection connection : pool) {
                assertThat(TestDatabase.synchronous(connection)).isEqualTo(FULL);
            }
        } finally {
            for (Connection connection : pool) {
                connection.close();
            }
        }
    }
}
