package io.attune.store.audit;

import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditChain;
import io.attune.core.audit.AuditEntry;
import io.attune.core.audit.AuditFilter;
import io.attune.core.audit.AuditHead;
import io.attune.core.audit.AuditLog;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.audit.AuditVerification;
import io.attune.core.audit.AuditVerifier;
import io.attune.core.lifecycle.Actor;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.db.Database;
import io.attune.store.db.Dialect;
import io.attune.store.ingest.StoreFailure;
import io.attune.store.query.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.Query;

/**
 * The audit log in the {@code audit_log} table, one chain per workspace, with each chain's head in
 * {@code audit_heads}. An append locks the head row first (an upsert, which both engines hold until
 * the commit), so concurrent appenders of a workspace take turns and each chains onto the entry the
 * other wrote; on SQLite that first write also takes the database's single write lock. Verification
 * reads the head and every entry in one snapshot, so appends running meanwhile are not half seen.
 */
public final class JdbcAuditLog implements AuditLog {
    private static final String COLUMNS = "workspace_id, seq, recorded_at, actor, action, subject, details, prev_hash, "
            + "hash";
    /** Rows per round trip while verifying, so that a long chain streams instead of filling memory. */
    private static final int FETCH = 1000;

    private final Database database;

    public JdbcAuditLog(Database database) {
        this.database = database;
    }

    @Override
    public List<AuditEntry> append(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                List<AuditEntry> entries = appendIn(connection, records);
                connection.commit();
                return entries;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreFailure("appending to the audit log failed", e);
        }
    }

    /**
     * Appends on the caller's connection, in its open transaction, without committing: for a change
     * that must be recorded atomically with the entry that records it (a consent change written by
     * the single writer). The chain heads of the records' workspaces stay locked until that
     * transaction ends. On SQLite, code already inside a write transaction must use this rather than
     * {@link #append}, which would wait for the write lock that transaction holds.
     */
    public static List<AuditEntry> appendIn(Connection connection, List<AuditRecord> records) throws SQLException {
        // Heads are locked in workspace order, so appenders of several workspaces cannot wait in a circle.
        Map<WorkspaceId, AuditHead> heads = new TreeMap<>(Comparator.comparing(WorkspaceId::value));
        for (AuditRecord record : records) {
            heads.put(record.workspace(), AuditHead.EMPTY);
        }
        for (WorkspaceId workspace : heads.keySet()) {
            heads.put(workspace, lockHead(connection, workspace));
        }
        List<AuditEntry> entries = new ArrayList<>(records.size());
        Map<WorkspaceId, Instant> lastAt = new TreeMap<>(Comparator.comparing(WorkspaceId::value));
        for (AuditRecord record : records) {
            AuditEntry entry = heads.get(record.workspace()).next(record);
            heads.put(record.workspace(), entry.head());
            lastAt.put(record.workspace(), record.at());
            entries.add(entry);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry entry : entries) {
                insert.setString(1, entry.workspace().value());
                insert.setLong(2, entry.sequence());
                insert.setLong(3, entry.at().toEpochMilli());
                insert.setString(4, entry.actor().describe());
                insert.setString(5, entry.action().name());
                insert.setString(6, entry.subject().map(AuditSubject::wire).orElse(null));
                insert.setString(7, DetailsJson.write(entry.details()));
                insert.setString(8, entry.previousHash());
                insert.setString(9, entry.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_heads SET seq = ?, hash = ?, updated_at = ? WHERE workspace_id = ?")) {
            for (Map.Entry<WorkspaceId, AuditHead> head : heads.entrySet()) {
                update.setLong(1, head.getValue().sequence());
                update.setString(2, head.getValue().hash());
                update.setLong(3, lastAt.get(head.getKey()).toEpochMilli());
                update.setString(4, head.getKey().value());
                update.addBatch();
            }
            update.executeBatch();
        }
        return entries;
    }

    /** The chain's head, its row created if need be and locked until the transaction ends. */
    private static AuditHead lockHead(Connection connection, WorkspaceId workspace) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO audit_heads (workspace_id, seq, "
                + "hash, updated_at) VALUES (?, 0, ?, 0) ON CONFLICT (workspace_id) DO UPDATE SET seq = audit_heads.seq "
                + "RETURNING seq, hash")) {
            upsert.setString(1, workspace.value());
            upsert.setString(2, AuditChain.GENESIS);
            try (ResultSet rows = upsert.executeQuery()) {
                rows.next();
                return new AuditHead(rows.getLong(1), rows.getString(2));
            }
        }
    }

    @Override
    public Page<AuditEntry> entries(WorkspaceId workspace, AuditFilter filter, Optional<String> cursor, int limit) {
        Optional<Long> after = cursor.map(JdbcAuditLog::sequenceOf);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE workspace_id = :workspace");
        filter.action().ifPresent(action -> sql.append(" AND action = :action"));
        filter.subject().ifPresent(subject -> sql.append(" AND subject = :subject"));
        filter.actor().ifPresent(actor -> sql.append(" AND actor = :actor"));
        filter.since().ifPresent(since -> sql.append(" AND recorded_at >= :since"));
        after.ifPresent(sequence -> sql.append(" AND seq > :after"));
        sql.append(" ORDER BY seq LIMIT :limit");
        List<AuditEntry> rows = database.jdbi().withHandle(handle -> {
            Query query = handle.createQuery(sql.toString()).bind("workspace", workspace.value())
                    .bind("limit", limit + 1);
            filter.action().ifPresent(action -> query.bind("action", action.name()));
            filter.subject().ifPresent(subject -> query.bind("subject", subject.wire()));
            filter.actor().ifPresent(actor -> query.bind("actor", actor.describe()));
            filter.since().ifPresent(since -> query.bind("since", since.toEpochMilli()));
            after.ifPresent(sequence -> query.bind("after", sequence));
            return query.map((rs, ctx) -> StoredEntry.read(rs).orElseThrow()).list();
        });
        List<AuditEntry> page = rows.subList(0, Math.min(limit, rows.size()));
        Optional<String> next = rows.size() > limit ? Optional.of(cursorOf(page.get(limit - 1).sequence()))
                : Optional.empty();
        return new Page<>(page, next);
    }

    @Override
    public AuditVerification verify(WorkspaceId workspace, Collection<AuditHead> anchors) {
        AuditVerifier verifier = new AuditVerifier(workspace, anchors);
        try (Connection connection = database.connection()) {
            if (database.dialect() == Dialect.POSTGRESQL) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            connection.setAutoCommit(false);
            try {
                Optional<AuditHead> head = head(connection, workspace);
                try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM audit_log WHERE workspace_id = ? ORDER BY seq")) {
                    select.setFetchSize(FETCH);
                    select.setString(1, workspace.value());
                    try (ResultSet rows = select.executeQuery()) {
                        boolean going = true;
                        while (going && rows.next()) {
                            StoredEntry stored = StoredEntry.read(rows);
                            going = stored.entry().map(verifier::accept)
                                    .orElseGet(() -> verifier.unreadable(stored.sequence(), stored.problem()));
                        }
                    }
                }
                return verifier.finish(head);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreFailure("verifying the audit log of workspace " + workspace + " failed", e);
        }
    }

    /**
     * Every workspace that has a chain or could have one: those of the workspaces table and any
     * with entries or a head, so that a chain whose workspace row was deleted is still verified.
     */
    public List<WorkspaceId> workspaces() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT workspace_id FROM workspaces "
                        + "UNION SELECT workspace_id FROM audit_heads UNION SELECT workspace_id FROM audit_log "
                        + "ORDER BY 1")
                .mapTo(String.class).map(WorkspaceId::new).list());
    }

    private static Optional<AuditHead> head(Connection connection, WorkspaceId workspace) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, hash FROM audit_heads WHERE workspace_id = ?")) {
            select.setString(1, workspace.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(new AuditHead(rows.getLong(1), rows.getString(2)));
                } catch (IllegalArgumentException e) {
                    // A head that is not one the log writes is as good as none: entries will be unrecorded.
                    return Optional.empty();
                }
            }
        }
    }

    private static String cursorOf(long sequence) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("audit:" + sequence)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static long sequenceOf(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("audit:")) {
                return Long.parseLong(text.substring("audit:".length()));
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidCursorException(cursor);
    }

    /** A stored row as an entry, or why it is not one the log could have written (then it was edited). */
    private record StoredEntry(long sequence, Optional<AuditEntry> entry, String problem) {
        static StoredEntry read(ResultSet rs) throws SQLException {
            long sequence = rs.getLong("seq");
            String actor = rs.getString("actor");
            String action = rs.getString("action");
            String subject = rs.getString("subject");
            String details = rs.getString("details");
            try {
                Actor parsedActor = Actor.parse(actor);
                if (!parsedActor.describe().equals(actor)) {
                    return unreadable(sequence, "its actor is not written as the log writes actors");
                }
                Optional<AuditSubject> parsedSubject = Optional.empty();
                if (subject != null) {
                    parsedSubject = AuditSubject.parse(subject);
                    if (parsedSubject.isEmpty() || !parsedSubject.get().wire().equals(subject)) {
                        return unreadable(sequence, "its subject is not a kind and an id");
                    }
                }
                var parsedDetails = DetailsJson.read(details);
                if (!DetailsJson.write(parsedDetails).equals(details)) {
                    return unreadable(sequence, "its details are not written as the log writes them");
                }
                AuditRecord record = new AuditRecord(new WorkspaceId(rs.getString("workspace_id")),
                        Instant.ofEpochMilli(rs.getLong("recorded_at")), parsedActor, new AuditAction(action),
                        parsedSubject, parsedDetails);
                return new StoredEntry(sequence, Optional.of(new AuditEntry(sequence, record,
                        rs.getString("prev_hash"), rs.getString("hash"))), "");
            } catch (IllegalArgumentException | NullPointerException e) {
                return unreadable(sequence, "a column holds what the log never writes (" + e.getMessage() + ")");
            }
        }

        private static StoredEntry unreadable(long sequence, String problem) {
            return new StoredEntry(sequence, Optional.empty(), problem);
        }

        /** The entry, for listings; a row that is not one fails the listing and says to verify. */
        AuditEntry orElseThrow() {
            return entry.orElseThrow(() -> new IllegalStateException("audit entry " + sequence
                    + " cannot be read (" + problem + "); run attune audit verify"));
        }
    }
}
