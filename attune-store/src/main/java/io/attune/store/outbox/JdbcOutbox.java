package io.attune.store.outbox;

import io.attune.core.handoff.DeliveryAttempt;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.handoff.Outbox;
import io.attune.core.handoff.PendingDelivery;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.codec.HandOffCodec;
import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.CellCipher;
import io.attune.store.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The outbox in the database. Per destination and lead, only the oldest undelivered message is ever due. */
public final class JdbcOutbox implements Outbox {
    /** Used when a message's destination was deleted after it was written: it still gets its tries. */
    private static final int DEFAULT_ATTEMPTS = 20;
    private static final String MESSAGE = "o.message_id, o.workspace_id, o.destination_id, o.subject, o.type, o.at, "
            + "o.data, o.attempts";

    private final Database database;
    private final CellCipher cipher;

    public JdbcOutbox(Database database, CellCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    @Override
    public List<PendingDelivery> due(Instant now, int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + MESSAGE + ", d.max_attempts "
                        + "FROM outbox o LEFT JOIN destinations d ON d.workspace_id = o.workspace_id "
                        + "AND d.destination_id = o.destination_id "
                        + "WHERE o.status = 'pending' AND o.next_attempt_at <= :now AND NOT EXISTS ("
                        + "SELECT 1 FROM outbox p WHERE p.workspace_id = o.workspace_id "
                        + "AND p.destination_id = o.destination_id AND p.subject = o.subject "
                        + "AND p.status = 'pending' AND p.seq < o.seq) ORDER BY o.seq LIMIT :limit")
                .bind("now", now.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> new PendingDelivery(new WorkspaceId(rs.getString("workspace_id")), message(rs),
                        rs.getInt("attempts"), rs.getObject("max_attempts") == null ? DEFAULT_ATTEMPTS
                                : rs.getInt("max_attempts"))).list());
    }

    @Override
    public boolean claim(PendingDelivery delivery, Instant now, Instant leaseUntil) {
        return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE outbox SET next_attempt_at = ? "
                        + "WHERE message_id = ? AND status = 'pending' AND attempts = ? AND next_attempt_at <= ?")
                .bind(0, leaseUntil.toEpochMilli()).bind(1, delivery.message().id()).bind(2, delivery.attempts())
                .bind(3, now.toEpochMilli()).execute()) == 1;
    }

    @Override
    public void attempted(DeliveryAttempt attempt, Optional<Instant> retryAt) {
        database.jdbi().useTransaction(handle -> {
            handle.createUpdate("INSERT INTO delivery_attempts (message_id, attempt, at, outcome, status_code, "
                            + "latency_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, attempt.messageId()).bind(1, attempt.attempt()).bind(2, attempt.at().toEpochMilli())
                    .bind(3, attempt.outcome().name().toLowerCase(java.util.Locale.ROOT))
                    .bind(4, attempt.status().isPresent() ? (Integer) attempt.status().getAsInt() : null)
                    .bind(5, attempt.latencyMillis()).bind(6, attempt.error().orElse(null)).execute();
            if (attempt.outcome() == DeliveryAttempt.Outcome.DELIVERED) {
                handle.createUpdate("UPDATE outbox SET status = 'delivered', attempts = ?, delivered_at = ?, "
                                + "last_error = NULL WHERE message_id = ? AND status = 'pending'")
                        .bind(0, attempt.attempt()).bind(1, attempt.at().toEpochMilli()).bind(2, attempt.messageId())
                        .execute();
            } else {
                // Only the attempt that claimed the message moves it on; a late one is history only.
                handle.createUpdate("UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? "
                                + "WHERE message_id = ? AND status = 'pending' AND attempts = ?")
                        .bind(0, retryAt.isPresent() ? "pending" : "dead").bind(1, attempt.attempt())
                        .bind(2, retryAt.orElse(attempt.at()).toEpochMilli()).bind(3, attempt.error().orElse(
                                attempt.status().isPresent() ? "HTTP " + attempt.status().getAsInt() : "failed"))
                        .bind(4, attempt.messageId()).bind(5, attempt.attempt() - 1).execute();
            }
        });
    }

    @Override
    public boolean block(PendingDelivery delivery, String reason) {
        return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE outbox SET status = 'blocked', "
                        + "last_error = ? WHERE message_id = ? AND status = 'pending' AND attempts = ?")
                .bind(0, reason).bind(1, delivery.message().id()).bind(2, delivery.attempts()).execute()) == 1;
    }

    @Override
    public boolean defer(PendingDelivery delivery, Instant until, String reason) {
        return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE outbox SET next_attempt_at = ?, "
                        + "last_error = ? WHERE message_id = ? AND status = 'pending' AND attempts = ?")
                .bind(0, until.toEpochMilli()).bind(1, reason).bind(2, delivery.message().id())
                .bind(3, delivery.attempts()).execute()) == 1;
    }

    @Override
    public List<DeadLetter> deadLetters(WorkspaceId workspace, int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + MESSAGE + ", o.last_error "
                        + "FROM outbox o WHERE o.workspace_id = ? AND o.status = 'dead' ORDER BY o.seq DESC LIMIT ?")
                .bind(0, workspace.value()).bind(1, limit)
                .map((rs, ctx) -> new DeadLetter(message(rs), rs.getInt("attempts"),
                        Optional.ofNullable(rs.getString("last_error")))).list());
    }

    @Override
    public boolean replay(WorkspaceId workspace, String messageId, Instant at) {
        return database.jdbi().withHandle(handle -> handle.createUpdate("UPDATE outbox SET status = 'pending', "
                        + "attempts = 0, next_attempt_at = ? WHERE workspace_id = ? AND message_id = ? AND status = 'dead'")
                .bind(0, at.toEpochMilli()).bind(1, workspace.value()).bind(2, messageId).execute()) == 1;
    }

    @Override
    public List<DeliveryAttempt> attempts(WorkspaceId workspace, String messageId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT a.message_id, a.attempt, a.at, "
                        + "a.outcome, a.status_code, a.latency_ms, a.error FROM delivery_attempts a JOIN outbox o "
                        + "ON o.message_id = a.message_id WHERE o.workspace_id = ? AND a.message_id = ? ORDER BY a.id")
                .bind(0, workspace.value()).bind(1, messageId)
                .map((rs, ctx) -> new DeliveryAttempt(rs.getString(1), rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3)),
                        DeliveryAttempt.Outcome.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)),
                        rs.getObject(5) == null ? OptionalInt.empty() : OptionalInt.of(rs.getInt(5)), rs.getLong(6),
                        Optional.ofNullable(rs.getString(7)))).list());
    }

    @Override
    public Optional<String> status(WorkspaceId workspace, String messageId) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT status FROM outbox WHERE workspace_id = ? AND message_id = ?")
                .bind(0, workspace.value()).bind(1, messageId).mapTo(String.class).findOne());
    }

    private OutboundMessage message(ResultSet rs) throws SQLException {
        String id = rs.getString("message_id");
        String data = cipher.open(rs.getString("data"), CellAddress.outboxData(rs.getString("workspace_id"), id));
        return new OutboundMessage(id, new DestinationId(rs.getString("destination_id")),
                rs.getString("subject"), HandOffType.fromWireName(rs.getString("type")).orElseThrow(),
                Instant.ofEpochMilli(rs.getLong("at")), HandOffCodec.decode(data));
    }
}
