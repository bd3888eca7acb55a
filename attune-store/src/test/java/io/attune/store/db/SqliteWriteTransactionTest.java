package io.attune.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.store.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write transaction that reads first must not fail because another connection committed between
 * its read and its write (SQLITE_BUSY_SNAPSHOT): the writer reads leads before it writes them while
 * the dispatcher records delivery attempts.
 */
class SqliteWriteTransactionTest {
    private TestDatabase test;
    private Database database;

    @BeforeEach
    void open() throws SQLException {
        test = TestDatabase.sqlite();
        database = test.database();
        test.execute("CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
                "INSERT INTO counters VALUES ('a', 0), ('b', 0)");
    }

    @AfterEach
    void close() {
        test.close();
    }

    @Test
    void a_deferred_transaction_that_read_first_fails_when_another_connection_commits_before_its_write()
            throws SQLException {
        try (Connection reader = database.connection()) {
            reader.setAutoCommit(false);
            read(reader, "a");
            increment(database, "b");
            assertThatThrownBy(() -> update(reader, "a")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("SQLITE_BUSY");
            reader.rollback();
            reader.setAutoCommit(true);
        }
    }

    @Test
    void a_write_transaction_holds_the_write_lock_from_its_start_so_its_read_stays_writable() throws SQLException {
        try (Connection writer = database.connection()) {
            database.beginWrite(writer);
            read(writer, "a");
            try (Connection other = database.connection(); Statement statement = other.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 0");
                assertThatThrownBy(() -> statement.executeUpdate("UPDATE counters SET value = value + 1 "
                        + "WHERE name = 'b'")).isInstanceOf(SQLException.class).hasMessageContaining("SQLITE_BUSY");
                statement.execute("PRAGMA busy_timeout = 10000");
            }
            update(writer, "a");
            writer.commit();
            writer.setAutoCommit(true);
        }
        try (Connection connection = database.connection()) {
            assertThat(read(connection, "a")).isEqualTo(1);
        }
    }

    @Test
    void after_its_commit_the_connection_takes_no_lock() throws SQLException {
        try (Connection writer = database.connection()) {
            database.beginWrite(writer);
            update(writer, "a");
            writer.commit();
            try (Connection other = database.connection(); Statement statement = other.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 0");
                assertThat(statement.executeUpdate("UPDATE counters SET value = value + 1 WHERE name = 'b'"))
                        .isEqualTo(1);
                statement.execute("PRAGMA busy_timeout = 10000");
            }
            writer.setAutoCommit(true);
        }
    }

    private static long read(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT value FROM counters WHERE name = '" + name + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void update(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE counters SET value = value + 1 WHERE name = '" + name + "'");
        }
    }

    private static void increment(Database database, String name) throws SQLException {
        try (Connection connection = database.connection()) {
            update(connection, name);
        }
    }
}
