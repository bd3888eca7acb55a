package io.attune.store.testing;

import io.attune.store.db.Database;
import io.attune.store.db.StoreLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database for one test class: a SQLite file in a temporary directory, or a PostgreSQL
 * database of its own on 127.0.0.1:5432 that is dropped afterwards. With {@code CI=true} a
 * missing PostgreSQL fails the tests; elsewhere they are skipped with a message saying so.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final Database database;
    private final Runnable cleanup;
    private final StoreLocation location;

    private TestDatabase(Database database, StoreLocation location, Runnable cleanup) {
        this.database = database;
        this.location = location;
        this.cleanup = cleanup;
    }

    public enum Engine { SQLITE, POSTGRESQL }

    public static TestDatabase create(Engine engine) {
        return engine == Engine.SQLITE ? sqlite() : postgres();
    }

    public static TestDatabase sqlite() {
        try {
            Path directory = Files.createTempDirectory("attune-test-");
            StoreLocation location = new StoreLocation.SqliteDirectory(directory);
            return new TestDatabase(Database.open(location), location, () -> deleteTree(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestDatabase postgres() {
        String name = "attune_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN_URL);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at 127.0.0.1:5432 as user postgres (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; with CI=true the PostgreSQL tests must run", e);
            }
            Assumptions.abort(why + "; skipping the PostgreSQL tests (they run when CI=true)");
        }
        StoreLocation location = new StoreLocation.JdbcUrl(
                "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres");
        return new TestDatabase(Database.open(location), location, () -> dropPostgres(name));
    }

    /** A SQLite connection's {@code PRAGMA synchronous}: 2 for FULL, 1 for NORMAL. */
    public static int synchronous(Connection connection) throws SQLException {
        return pragma(connection, "synchronous");
    }

    /** Something read from one connection. */
    @FunctionalInterface
    public interface ConnectionReading {
        int read(Connection connection) throws SQLException;
    }

    /**
     * What {@code reading} reads on {@code count} connections of {@code database}'s pool, all held at
     * once so that each is a different one.
     */
    public static List<Integer> eachPooled(Database database, int count, ConnectionReading reading)
            throws SQLException {
        List<Connection> pool = new ArrayList<>();
        try {
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pool.add(database.connection());
                values.add(reading.read(pool.get(i)));
            }
            return values;
        } finally {
            for (Connection connection : pool) {
                connection.close();
            }
        }
    }

    /** The most a SQLite connection's page cache may hold, in KiB. */
    public static int cacheSizeKib(Connection connection) throws SQLException {
        // SQLite reports a size in KiB as a negative number, a size in pages as a positive one
        return -pragma(connection, "cache_size");
    }

    private static int pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    public Database database() {
        return database;
    }

    /** Runs {@code statements} on one connection, as set-up for a test of the database itself. */
    public void execute(String... statements) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Where the database is, to open it again (as a restarted server would). */
    public StoreLocation location() {
        return location;
    }

    @Override
    public void close() {
        database.close();
        cleanup.run();
    }

    private static void dropPostgres(String name) {
        try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN_URL);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
