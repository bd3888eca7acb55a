package io.attune.store.db;

import io.attune.store.threads.DaemonThreads;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves SQLite's WAL checkpoints off the writer's commits. Left to itself SQLite checkpoints inside
 * whichever commit crosses a small threshold, so the writer waits for the main file to be rewritten
 * and synced; here a background thread checkpoints passively (never blocking the writer) once a
 * second, and the writer's own checkpoint only fires if this one falls far behind.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            new DaemonThreads("attune-wal-checkpoint"));

    WalCheckpointer(DataSource dataSource) {
        this.dataSource = dataSource;
        schedule.scheduleWithFixedDelay(this::checkpoint, 1, 1, TimeUnit.SECONDS);
    }

    private void checkpoint() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            LOG.warn("a WAL checkpoint failed ({}); the next one will retry", e.getClass().getSimpleName());
        }
    }

    /** Stops checkpointing and checkpoints once more, so that a closed store is one file. */
    @Override
    public void close() {
        DaemonThreads.drain(schedule, Duration.ofSeconds(10));
        checkpoint();
    }
}
