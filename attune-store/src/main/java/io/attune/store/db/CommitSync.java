package io.attune.store.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the single writer's commits reach the disk. On SQLite a group's commit need not wait for the
 * WAL's fsync: the writer commits with {@code synchronous=NORMAL}, goes on with the next group, and a
 * second thread syncs the WAL before anything of the group is acknowledged. A commit is then as
 * durable as under {@code FULL} by the time anyone is told of it, and one fsync can cover several
 * groups. Everything else (the dispatcher's claims, the API's writes) keeps full syncs, and a full
 * commit syncs the whole WAL, earlier deferred frames included: the dispatcher claims a message in
 * such a commit before it delivers it, so nothing that could still vanish leaves the process.
 * PostgreSQL's commits are durable when they return.
 */
public sealed interface CommitSync permits CommitSync.AtCommit, CommitSync.AfterCommit {

    /** Lets {@code connection}'s next commits return before the disk has them; call before the transaction. */
    void defer(Connection connection) throws SQLException;

    /** Gives {@code connection} full syncs again, after its transaction has ended. */
    void restore(Connection connection) throws SQLException;

    /** Notes that a deferred commit has returned; the number to make durable before acknowledging it. */
    long committed();

    /** Returns once commit {@code commit} and all before it are on disk. */
    void makeDurable(long commit) throws IOException;

    /** Commits are durable when they return: nothing to defer. */
    record AtCommit() implements CommitSync {
        @Override
        public void defer(Connection connection) {
        }

        @Override
        public void restore(Connection connection) {
        }

        @Override
        public long committed() {
            return 0;
        }

        @Override
        public void makeDurable(long commit) {
        }
    }

    /** SQLite in WAL mode: deferred commits are made durable by syncing the WAL file, {@code wal}. */
    final class AfterCommit implements CommitSync {
        private final Path wal;
        private final AtomicLong committed = new AtomicLong();
        private long synced;
        private boolean directorySynced;

        AfterCommit(Path wal) {
            this.wal = wal;
        }

        @Override
        public void defer(Connection connection) throws SQLException {
            synchronous(connection, "NORMAL");
        }

        @Override
        public void restore(Connection connection) throws SQLException {
            // the pragma is refused inside a transaction, and the driver opens one after each commit
            connection.setAutoCommit(true);
            synchronous(connection, "FULL");
        }

        private static void synchronous(Connection connection, String level) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA synchronous = " + level);
            }
        }

        @Override
        public long committed() {
            return committed.incrementAndGet();
        }

        @Override
        public synchronized void makeDurable(long commit) throws IOException {
            if (commit <= synced) {
                return;
            }
            long through = committed.get();
            if (!directorySynced) {
                // the WAL file's own entry in its directory, in case SQLite created it since the last boot
                force(wal.toAbsolutePath().getParent(), true);
                directorySynced = true;
            }
            try {
                force(wal, false);
            } catch (NoSuchFileException checkpointedAway) {
                // SQLite removes the WAL only after checkpointing it into the synced database file
            }
            synced = through;
        }

        private static void force(Path path, boolean metadata) throws IOException {
            // fsync applies to the file, not to the descriptor: this one flushes what SQLite's wrote
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                channel.force(metadata);
            }
        }
    }
}
