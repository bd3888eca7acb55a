package io.attune.store.rights;

import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.query.Page;
import io.attune.core.rights.Deadline;
import io.attune.core.rights.Extension;
import io.attune.core.rights.Recipient;
import io.attune.core.rights.RequestChange;
import io.attune.core.rights.RequestId;
import io.attune.core.rights.RequestKind;
import io.attune.core.rights.RequestStatus;
import io.attune.core.rights.RightsRequest;
import io.attune.core.rights.RightsRequests;
import io.attune.core.rights.Settlement;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.audit.JdbcAuditLog;
import io.attune.store.db.Database;
import io.attune.store.ingest.StoreFailure;
import io.attune.store.query.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Rights requests in {@code subject_requests}, their recipients' lead.deleted messages in
 * {@code subject_request_recipients} (whose delivery is read from the outbox) and the recipients'
 * confirmations and waivers in {@code subject_request_settlements}. Every write appends its audit
 * entry in the same transaction. A change first touches the request's row, which both engines then
 * hold locked until the commit, so two confirmations of the last recipients cannot both miss closing it.
 */
public final class JdbcRightsRequests implements RightsRequests {
    /** A rights request was received (with its law and due date). */
    public static final AuditAction OPENED = new AuditAction("subject_request.opened");
    /** A rights request's one extension was recorded. */
    public static final AuditAction EXTENDED = new AuditAction("subject_request.extended");
    /** A recipient confirmed a deletion, or an admin recorded why it cannot. */
    public static final AuditAction SETTLED = new AuditAction("subject_request.settled");
    /** A rights request was fulfilled. */
    public static final AuditAction CLOSED = new AuditAction("subject_request.closed");

    private static final SecureRandom IDS = new SecureRandom();

    private final Database database;

    public JdbcRightsRequests(Database database) {
        this.database = database;
    }

    /**
     * Opens the deletion request an erasure fulfils, in the erasure's transaction: its recipients are
     * the destinations of {@code notices}, and with none it is closed at once.
     */
    public static RequestId openDeletionIn(Connection connection, WorkspaceId workspace, LeadId lead,
            String requestedBy, Actor recordedBy, Instant at, Deadline deadline, List<OutboundMessage> notices)
            throws SQLException {
        RequestId id = newId();
        Optional<Instant> closed = notices.isEmpty() ? Optional.of(at) : Optional.empty();
        insert(connection, workspace, id, lead, RequestKind.DELETION, requestedBy, recordedBy.describe(), at,
                deadline, closed);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subject_request_recipients "
                + "(workspace_id, request_id, destination_id, message_id) VALUES (?, ?, ?, ?)")) {
            for (OutboundMessage notice : notices) {
                insert.setString(1, workspace.value());
                insert.setString(2, id.value());
                insert.setString(3, notice.destination().value());
                insert.setString(4, notice.id());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        List<AuditRecord> audit = new ArrayList<>();
        audit.add(AuditRecord.of(workspace, at, recordedBy, OPENED, subject(id), opened(lead, RequestKind.DELETION,
                deadline).and("recipients", notices.stream().map(notice -> notice.destination().value()).distinct()
                        .toList())));
        closed.ifPresent(when -> audit.add(closedRecord(workspace, id, when, recordedBy)));
        JdbcAuditLog.appendIn(connection, audit);
        return id;
    }

    @Override
    public RightsRequest recordFulfilled(WorkspaceId workspace, LeadId lead, RequestKind kind, String requestedBy,
            Actor actor, Instant at, Deadline deadline) {
        RequestId id = newId();
        return write(connection -> {
            insert(connection, workspace, id, lead, kind, requestedBy, actor.describe(), at, deadline, Optional.of(at));
            JdbcAuditLog.appendIn(connection, List.of(AuditRecord.of(workspace, at, actor, OPENED, subject(id),
                    opened(lead, kind, deadline)), closedRecord(workspace, id, at, actor)));
            return StoredRequests.find(connection, workspace, id).orElseThrow();
        });
    }

    @Override
    public Optional<RightsRequest> find(WorkspaceId workspace, RequestId id) {
        return read(connection -> StoredRequests.find(connection, workspace, id));
    }

    @Override
    public Page<RightsRequest> list(WorkspaceId workspace, Optional<RequestStatus> status, Instant now,
            Optional<String> cursor, int limit) {
        Optional<Cursor> after = cursor.map(Cursor::parse);
        return read(connection -> {
            List<RightsRequest> found = StoredRequests.list(connection, workspace, status, now,
                    after.map(Cursor::received), after.map(Cursor::id), limit + 1);
            List<RightsRequest> page = found.subList(0, Math.min(limit, found.size()));
            Optional<String> next = found.size() > limit
                    ? Optional.of(new Cursor(page.get(limit - 1).received(), page.get(limit - 1).id().value()).wire())
                    : Optional.empty();
            return new Page<>(page, next);
        });
    }

    @Override
    public RequestChange extend(WorkspaceId workspace, RequestId id, Extension extension) {
        return write(connection -> {
            Optional<RightsRequest> found = locked(connection, workspace, id);
            if (found.isEmpty()) {
                return new RequestChange.NotFound();
            }
            Optional<String> refusal = found.get().refusesExtension(extension);
            if (refusal.isPresent()) {
                return new RequestChange.Refused(refusal.get());
            }
            Instant due = found.get().deadline().due().plus(Duration.ofDays(extension.days()));
            try (PreparedStatement update = connection.prepareStatement("UPDATE subject_requests SET extension_days = ?, "
                    + "extension_reason = ?, extended_at = ?, extended_by = ?, due_at = ? WHERE workspace_id = ? "
                    + "AND request_id = ?")) {
                update.setInt(1, extension.days());
                update.setString(2, extension.reason());
                update.setLong(3, extension.at().toEpochMilli());
                update.setString(4, extension.recordedBy());
                update.setLong(5, due.toEpochMilli());
                update.setString(6, workspace.value());
                update.setString(7, id.value());
                update.executeUpdate();
            }
            JdbcAuditLog.appendIn(connection, List.of(AuditRecord.of(workspace, extension.at(),
                    Actor.parse(extension.recordedBy()), EXTENDED, subject(id), AuditDetails.of("days",
                            Integer.toString(extension.days())).and("reason", extension.reason())
                            .and("due", due.toString()))));
            return new RequestChange.Changed(StoredRequests.find(connection, workspace, id).orElseThrow());
        });
    }

    @Override
    public RequestChange settle(WorkspaceId workspace, RequestId id, DestinationId destination, Settlement settlement) {
        return write(connection -> {
            Optional<RightsRequest> found = locked(connection, workspace, id);
            if (found.isEmpty()) {
                return new RequestChange.NotFound();
            }
            RightsRequest request = found.get();
            if (request.recipient(destination).isEmpty()) {
                return new RequestChange.NotARecipient(request.recipients().stream().map(Recipient::destination).toList());
            }
            if (request.recipient(destination).get().settled()) {
                return new RequestChange.Refused("destination " + destination.value() + " has settled already ("
                        + request.recipient(destination).get().state() + ")");
            }
            boolean confirmed = settlement instanceof Settlement.Confirmed;
            String note = settlement instanceof Settlement.Confirmed confirmation ? confirmation.reference().orElse(null)
                    : ((Settlement.Waived) settlement).reason();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subject_request_settlements "
                    + "(workspace_id, request_id, destination_id, outcome, note, settled_at, recorded_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, workspace.value());
                insert.setString(2, id.value());
                insert.setString(3, destination.value());
                insert.setString(4, confirmed ? "confirmed" : "waived");
                insert.setString(5, note);
                insert.setLong(6, settlement.at().toEpochMilli());
                insert.setString(7, settlement.recordedBy());
                insert.executeUpdate();
            }
            Actor actor = Actor.parse(settlement.recordedBy());
            AuditDetails details = AuditDetails.of("destination", destination.value())
                    .and("outcome", confirmed ? "confirmed" : "waived");
            List<AuditRecord> audit = new ArrayList<>(List.of(AuditRecord.of(workspace, settlement.at(), actor,
                    SETTLED, subject(id), note == null ? details : details.and(confirmed ? "reference" : "reason",
                            note))));
            if (request.closed().isEmpty() && request.fulfilledOnceSettled(destination)) {
                try (PreparedStatement close = connection.prepareStatement("UPDATE subject_requests SET closed_at = ? "
                        + "WHERE workspace_id = ? AND request_id = ?")) {
                    close.setLong(1, settlement.at().toEpochMilli());
                    close.setString(2, workspace.value());
                    close.setString(3, id.value());
                    close.executeUpdate();
                }
                audit.add(closedRecord(workspace, id, settlement.at(), actor));
            }
            JdbcAuditLog.appendIn(connection, audit);
            return new RequestChange.Changed(StoredRequests.find(connection, workspace, id).orElseThrow());
        });
    }

    /** The request, its row locked until the transaction ends. */
    private static Optional<RightsRequest> locked(Connection connection, WorkspaceId workspace, RequestId id)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("UPDATE subject_requests SET due_at = due_at "
                + "WHERE workspace_id = ? AND request_id = ?")) {
            lock.setString(1, workspace.value());
            lock.setString(2, id.value());
            if (lock.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return StoredRequests.find(connection, workspace, id);
    }

    private static void insert(Connection connection, WorkspaceId workspace, RequestId id, LeadId lead,
            RequestKind kind, String requestedBy, String recordedBy, Instant at, Deadline deadline,
            Optional<Instant> closed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subject_requests (workspace_id, "
                + "request_id, lead_id, kind, requested_by, recorded_by, received_at, law, statutory_due, "
                + "extension_limit, due_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, workspace.value());
            insert.setString(2, id.value());
            insert.setString(3, lead.value());
            insert.setString(4, kind.wireName());
            insert.setString(5, requestedBy);
            insert.setString(6, recordedBy);
            insert.setLong(7, at.toEpochMilli());
            insert.setString(8, deadline.law().wireName());
            insert.setLong(9, deadline.due().toEpochMilli());
            insert.setInt(10, deadline.extensionDays());
            insert.setLong(11, deadline.due().toEpochMilli());
            insert.setObject(12, closed.map(Instant::toEpochMilli).orElse(null));
            insert.executeUpdate();
        }
    }

    private static AuditDetails opened(LeadId lead, RequestKind kind, Deadline deadline) {
        return AuditDetails.of("lead", lead.value()).and("kind", kind.wireName()).and("law", deadline.law().wireName())
                .and("due", deadline.due().toString());
    }

    private static AuditRecord closedRecord(WorkspaceId workspace, RequestId id, Instant at, Actor actor) {
        return AuditRecord.of(workspace, at, actor, CLOSED, subject(id), AuditDetails.NONE);
    }

    private static AuditSubject subject(RequestId id) {
        return new AuditSubject("subject_request", id.value());
    }

    private static RequestId newId() {
        byte[] random = new byte[12];
        IDS.nextBytes(random);
        return new RequestId("sr_" + HexFormat.of().formatHex(random));
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T write(Work<T> work) {
        try (Connection connection = database.connection()) {
            database.beginWrite(connection);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreFailure("writing a rights request failed", e);
        }
    }

    private <T> T read(Work<T> work) {
        try (Connection connection = database.connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreFailure("reading rights requests failed", e);
        }
    }

    /** Where a page ends: the last request's receipt time and id, base64url. */
    private record Cursor(Instant received, String id) {
        String wire() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((received.toEpochMilli() + ":" + id)
                    .getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String wire) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(wire), StandardCharsets.UTF_8);
                int colon = text.indexOf(':');
                String id = text.substring(colon + 1);
                if (colon < 1 || !RequestId.isValid(id)) {
                    throw new InvalidCursorException(wire);
                }
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon))), id);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new InvalidCursorException(wire);
            }
        }
    }
}
