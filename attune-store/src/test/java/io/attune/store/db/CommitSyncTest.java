package io.attune.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.store.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;

/**
 * The writer's deferred syncs on SQLite: only the deferring connection skips the fsync at commit,
 * and it gives the pool back a connection that syncs fully.
 */
class CommitSyncTest {
    private static final int FULL = 2;
    private static final int NORMAL = 1;
    private static final int POOL = 4;

    private TestDatabase test;
    private Database database;

    @BeforeEach
    void open() throws SQLException {
        test = TestDatabase.sqlite();
        database = test.database();
        test.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    }

    @AfterEach
    void close() {
        test.close();
    }

    @Test
    void a_sqlite_file_defers_the_sync_of_the_wal_beside_it() {
        assertThat(database.commitSync()).isInstanceOf(CommitSync.AfterCommit.class);
    }

    @Test
    void a_deferred_transaction_commits_unsynced_and_its_connection_syncs_fully_again_afterwards()
            throws Exception {
        CommitSync sync = database.commitSync();
        try (Connection connection = database.connection()) {
            sync.defer(connection);
            assertThat(TestDatabase.synchronous(connection)).isEqualTo(NORMAL);
            database.beginWrite(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO notes (body) VALUES ('deferred')");
            }
            connection.commit();
            long commit = sync.committed();
            assertThat(database.restoreSync(connection)).isTrue();
            assertThat(TestDatabase.synchronous(connection)).isEqualTo(FULL);
            sync.makeDurable(commit);
        }
        assertThat(walOf(database)).exists();
        try (Connection reader = database.connection(); Statement statement = reader.createStatement();
             ResultSet rows = statement.executeQuery("SELECT body FROM notes")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("deferred");
        }
    }

    @Test
    void every_other_connection_of_the_pool_syncs_fully_while_one_defers() throws Exception {
        try (Connection deferring = database.connection()) {
            database.commitSync().defer(deferring);
            try {
                assertThat(TestDatabase.eachPooled(database, POOL - 1, TestDatabase::synchronous))
                        .containsOnly(FULL).hasSize(POOL - 1);
            } finally {
                database.restoreSync(deferring);
            }
        }
    }

    /** A connection that may still skip syncs must never serve anyone else: if it cannot be restored, it goes. */
    @Test
    void a_connection_that_cannot_sync_fully_again_leaves_the_pool() throws Exception {
        Connection broken = database.connection();
        database.commitSync().defer(broken);
        broken.unwrap(SQLiteConnection.class).close();

        assertThat(database.restoreSync(broken)).isFalse();
        broken.close();

        assertThat(TestDatabase.eachPooled(database, POOL, TestDatabase::synchronous))
                .containsOnly(FULL).hasSize(POOL);
    }

    @Test
    void postgresql_commits_are_durable_when_they_return() {
        try (TestDatabase postgres = TestDatabase.postgres()) {
            assertThat(postgres.database().commitSync()).isInstanceOf(CommitSync.AtCommit.class);
        }
    }

    private static Path walOf(Database database) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA database_list")) {
            rows.next();
            return Path.of(rows.getString("file") + "-wal");
        }
    }
}
