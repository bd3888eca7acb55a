package io.attune.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

/**
 * An open, migrated database. SQLite runs in WAL mode with full synchronous commits, so that an
 * acknowledged event survives a crash or power loss; only the writer's group commits defer their sync
 * to just before they are acknowledged ({@link CommitSync}). PostgreSQL is used as given.
 */
public final class Database implements AutoCloseable {
    /**
     * Each SQLite connection's page cache, filled only as pages are read. With SQLite's default of
     * 2 MiB the writer read the same lead rows and index pages back from the OS on every group; with
     * 64 MiB the ingestion benchmark's writer spent about a tenth less CPU per event (43.0 against
     * 47.4 µs, medians of six runs). A reader's cache is emptied whenever another connection has
     * written, so mostly the writer's stays full.
     */
    public static final int SQLITE_CACHE_KIB = 64 * 1024;

    private final HikariDataSource dataSource;
    private final StoreLocation location;
    private final Dialect dialect;
    private final Jdbi jdbi;
    private final WalCheckpointer checkpointer;
    private final CommitSync commitSync;

    private Database(HikariDataSource dataSource, StoreLocation location, Dialect dialect, CommitSync commitSync) {
        this.dataSource = dataSource;
        this.location = location;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
        this.checkpointer = dialect == Dialect.SQLITE ? new WalCheckpointer(dataSource) : null;
        this.commitSync = commitSync;
    }

    public static Database open(StoreLocation location) {
        String url = location.jdbcUrl();
        Dialect dialect = Dialect.of(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("attune");
        config.setMaximumPoolSize(dialect == Dialect.SQLITE ? 4 : 8);
        if (dialect == Dialect.SQLITE) {
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("cache_size", Integer.toString(-SQLITE_CACHE_KIB));
            // Checkpoints run in the background (WalCheckpointer); a commit only checkpoints itself as a
            // safety net, when the background has fallen behind by this many pages (about 200 MB).
            config.addDataSourceProperty("wal_autocheckpoint", "50000");
        } else {
            // PostgreSQL's error details quote the values of a failed statement (a duplicate key's email);
            // kept out, no exception message carries PHI into a log.
            config.addDataSourceProperty("logServerErrorDetail", "false");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations(Dialect.MIGRATIONS)
                    .placeholders(dialect.migrationPlaceholders()).failOnMissingLocations(true).load().migrate();
            return new Database(dataSource, location, dialect, commitSync(dataSource, dialect));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Deferred syncs for a SQLite file; an in-memory SQLite database and PostgreSQL commit as they are. */
    private static CommitSync commitSync(DataSource dataSource, Dialect dialect) {
        if (dialect != Dialect.SQLITE) {
            return new CommitSync.AtCommit();
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet databases = statement.executeQuery("PRAGMA database_list")) {
            while (databases.next()) {
                String file = databases.getString("file");
                if (databases.getString("name").equals("main") && file != null && !file.isEmpty()) {
                    return new CommitSync.AfterCommit(Path.of(file + "-wal"));
                }
            }
            return new CommitSync.AtCommit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find the SQLite database's file", e);
        }
    }

    public StoreLocation location() {
        return location;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** How the writer's commits reach the disk ({@link CommitSync}). */
    public CommitSync commitSync() {
        return commitSync;
    }

    /**
     * Gives {@code connection} full syncs again after a deferred transaction ({@link CommitSync}); if
     * that fails, the connection leaves the pool rather than lend its deferred syncs to someone else.
     * Returns whether it could.
     */
    public boolean restoreSync(Connection connection) {
        try {
            commitSync.restore(connection);
            return true;
        } catch (SQLException e) {
            dataSource.evictConnection(connection);
            return false;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Starts a transaction on {@code connection} that reads before it writes. SQLite's default
     * transaction takes its snapshot at the first read and fails with {@code SQLITE_BUSY_SNAPSHOT},
     * without waiting, if another connection (the dispatcher recording an attempt) commits before the
     * first write; so on SQLite this one takes the write lock at once ({@code BEGIN IMMEDIATE}, which
     * waits up to the busy timeout). Only this begin is immediate: the connection goes back to the
     * pool taking no lock after its commit.
     */
    public void beginWrite(Connection connection) throws SQLException {
        if (dialect != Dialect.SQLITE) {
            connection.setAutoCommit(false);
            return;
        }
        SQLiteConnectionConfig config = connection.unwrap(SQLiteConnection.class).getConnectionConfig();
        config.setTransactionMode(TransactionMode.IMMEDIATE);
        try {
            connection.setAutoCommit(false);
        } finally {
            config.setTransactionMode(TransactionMode.DEFERRED);
        }
    }

    /** Whether the database answers a trivial query; for health checks. */
    public boolean healthy() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        dataSource.close();
    }
}
