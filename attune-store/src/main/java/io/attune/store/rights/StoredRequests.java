package io.attune.store.rights;

import io.attune.core.handoff.DestinationId;
import io.attune.core.identity.LeadId;
import io.attune.core.rights.Deadline;
import io.attune.core.rights.Delivery;
import io.attune.core.rights.Extension;
import io.attune.core.rights.PrivacyLaw;
import io.attune.core.rights.Recipient;
import io.attune.core.rights.RequestId;
import io.attune.core.rights.RequestKind;
import io.attune.core.rights.RequestStatus;
import io.attune.core.rights.RightsRequest;
import io.attune.core.rights.Settlement;
import io.attune.core.workspace.WorkspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads rights requests with their recipients, each recipient's delivery taken from its messages' outbox rows. */
final class StoredRequests {
    private static final String COLUMNS = "request_id, lead_id, kind, requested_by, recorded_by, received_at, law, "
            + "statutory_due, extension_limit, extension_days, extension_reason, extended_at, extended_by, closed_at";

    private StoredRequests() {
    }

    static Optional<RightsRequest> find(Connection connection, WorkspaceId workspace, RequestId id)
            throws SQLException {
        List<RightsRequest> found = select(connection, workspace, "SELECT " + COLUMNS + " FROM subject_requests "
                + "WHERE workspace_id = ? AND request_id = ?", List.of(id.value()));
        return found.stream().findFirst();
    }

    static List<RightsRequest> list(Connection connection, WorkspaceId workspace, Optional<RequestStatus> status,
            Instant now, Optional<Instant> afterReceived, Optional<String> afterId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM subject_requests WHERE workspace_id = ?");
        List<Object> parameters = new ArrayList<>();
        status.ifPresent(wanted -> {
            switch (wanted) {
                case CLOSED -> sql.append(" AND closed_at IS NOT NULL");
                case OPEN -> {
                    sql.append(" AND closed_at IS NULL AND due_at >= ?");
                    parameters.add(now.toEpochMilli());
                }
                case OVERDUE -> {
                    sql.append(" AND closed_at IS NULL AND due_at < ?");
                    parameters.add(now.toEpochMilli());
                }
            }
        });
        if (afterReceived.isPresent()) {
            sql.append(" AND (received_at > ? OR (received_at = ? AND request_id > ?))");
            parameters.add(afterReceived.get().toEpochMilli());
            parameters.add(afterReceived.get().toEpochMilli());
            parameters.add(afterId.orElseThrow());
        }
        sql.append(" ORDER BY received_at, request_id LIMIT ?");
        parameters.add(limit);
        return select(connection, workspace, sql.toString(), parameters);
    }

    private static List<RightsRequest> select(Connection connection, WorkspaceId workspace, String sql,
            List<?> parameters) throws SQLException {
        List<RightsRequest> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, workspace.value());
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 2, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(request(rows, recipients(connection, workspace, rows.getString("request_id"))));
                }
            }
        }
        return found;
    }

    private static RightsRequest request(ResultSet rows, List<Recipient> recipients) throws SQLException {
        PrivacyLaw law = PrivacyLaw.fromWireName(rows.getString("law")).orElseThrow(() ->
                new IllegalStateException("a stored request names an unknown law"));
        Optional<Extension> extension = rows.getObject("extended_at") == null ? Optional.empty()
                : Optional.of(new Extension(rows.getInt("extension_days"), rows.getString("extension_reason"),
                        Instant.ofEpochMilli(rows.getLong("extended_at")), rows.getString("extended_by")));
        return new RightsRequest(new RequestId(rows.getString("request_id")), new LeadId(rows.getString("lead_id")),
                RequestKind.fromWireName(rows.getString("kind")).orElseThrow(() ->
                        new IllegalStateException("a stored request has an unknown kind")),
                rows.getString("requested_by"), rows.getString("recorded_by"),
                Instant.ofEpochMilli(rows.getLong("received_at")),
                new Deadline(law, Instant.ofEpochMilli(rows.getLong("statutory_due")), rows.getInt("extension_limit")),
                extension, rows.getObject("closed_at") == null ? Optional.empty()
                        : Optional.of(Instant.ofEpochMilli(rows.getLong("closed_at"))), recipients);
    }

    /**
     * A recipient per destination, in the order first asked. Its delivery is the least advanced of its
     * messages' (several when merged leads were erased together): a dead letter or a block shows over a
     * delivery, since the destination has not received every request.
     */
    private static List<Recipient> recipients(Connection connection, WorkspaceId workspace, String request)
            throws SQLException {
        Map<String, Delivery> deliveries = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT r.destination_id, o.status, o.attempts "
                + "FROM subject_request_recipients r LEFT JOIN outbox o ON o.message_id = r.message_id "
                + "WHERE r.workspace_id = ? AND r.request_id = ? ORDER BY r.destination_id, r.message_id")) {
            select.setString(1, workspace.value());
            select.setString(2, request);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Delivery delivery = delivery(rows.getString(2), rows.getInt(3));
                    deliveries.merge(rows.getString(1), delivery, StoredRequests::worse);
                }
            }
        }
        Map<String, Settlement> settlements = settlements(connection, workspace, request);
        List<Recipient> recipients = new ArrayList<>(deliveries.size());
        deliveries.forEach((destination, delivery) -> recipients.add(new Recipient(new DestinationId(destination),
                delivery, Optional.ofNullable(settlements.get(destination)))));
        return recipients;
    }

    private static Map<String, Settlement> settlements(Connection connection, WorkspaceId workspace, String request)
            throws SQLException {
        Map<String, Settlement> settlements = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT destination_id, outcome, note, settled_at, "
                + "recorded_by FROM subject_request_settlements WHERE workspace_id = ? AND request_id = ?")) {
            select.setString(1, workspace.value());
            select.setString(2, request);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Instant at = Instant.ofEpochMilli(rows.getLong(4));
                    settlements.put(rows.getString(1), "confirmed".equals(rows.getString(2))
                            ? new Settlement.Confirmed(at, rows.getString(5), Optional.ofNullable(rows.getString(3)))
                            : new Settlement.Waived(at, rows.getString(5), rows.getString(3)));
                }
            }
        }
        return settlements;
    }

    /** The outbox keeps every lead.deleted it was given: the erased lead's id is never reused, so nothing deletes them. */
    private static Delivery delivery(String status, int attempts) {
        if (status == null) {
            throw new IllegalStateException("a deletion request's outbox message is missing");
        }
        return switch (status) {
            case "pending" -> attempts == 0 ? Delivery.QUEUED : Delivery.RETRYING;
            case "delivered" -> Delivery.DELIVERED;
            case "dead" -> Delivery.DEAD_LETTERED;
            case "blocked" -> Delivery.BLOCKED;
            default -> throw new IllegalStateException("unknown outbox status " + status);
        };
    }

    /** Of two messages' deliveries, the one that tells what still needs doing. */
    private static Delivery worse(Delivery one, Delivery other) {
        return rank(one) >= rank(other) ? one : other;
    }

    private static int rank(Delivery delivery) {
        return switch (delivery) {
            case DELIVERED -> 0;
            case QUEUED -> 1;
            case RETRYING -> 2;
            case BLOCKED -> 3;
            case DEAD_LETTERED -> 4;
        };
    }
}
