package io.attune.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

/**
 * An open, migrated database. SQLite runs in WAL mode with full synchronous commits, so that an
 * acknowledged event survives a crash or power loss; PostgreSQL is used as given.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final StoreLocation location;
    private final Dialect dialect;
    private final Jdbi jdbi;
    private final WalCheckpointer checkpointer;

    private Database(HikariDataSource dataSource, StoreLocation location, Dialect dialect) {
        this.dataSource = dataSource;
        this.location = location;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
        this.checkpointer = dialect == Dialect.SQLITE ? new WalCheckpointer(dataSource) : null;
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
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, location, dialect);
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
