package io.attune.store.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.erasure.SubjectRecords;
import io.attune.core.erasure.Tombstone;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.StoredModel;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.codec.EventCodec;
import io.attune.store.codec.LeadStateCodec;
import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.CellCipher;
import io.attune.store.crypto.SealedColumn;
import io.attune.store.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Everything Attune holds about one person, as one JSON document (a data-subject export): the lead
 * as it stands (traits, score, stage, privacy, crisis record), its identities, every event as
 * recorded, the consent ledger verbatim, stage transitions, sales actions, outcomes, SLA timers, pool
 * assignments, the hand-offs about it with their delivery status and attempts, and every egress
 * decision (which destination received what, by field name). A merged-away id answers with its
 * survivor, and the leads merged into it are included. Stored JSON is embedded as JSON; instants are
 * ISO-8601 text.
 */
public final class SubjectExport implements SubjectRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Columns holding JSON, embedded as such rather than as text (sealed columns are opened first, by name). */
    private static final Set<String> JSON_COLUMNS = Set.of("action", "data", "redactions");
    private static final Set<String> INSTANT_COLUMNS = Set.of("at", "occurred_at", "received_at", "recorded_at",
            "captured_at", "expires_at", "qualified_at", "due_at", "breached_at", "closed_at", "decided_at",
            "delivered_at", "next_attempt_at");

    private final Database database;
    private final ModelRegistry models;
    private final CellCipher cipher;

    public SubjectExport(Database database, ModelRegistry models, CellCipher cipher) {
        this.database = database;
        this.models = models;
        this.cipher = cipher;
    }

    @Override
    public Optional<Tombstone> tombstone(WorkspaceId workspace, LeadId lead) {
        try (Connection connection = database.connection()) {
            return JdbcTombstones.find(connection, workspace, lead);
        } catch (SQLException e) {
            throw new IllegalStateException("reading a tombstone failed", e);
        }
    }

    @Override
    public Optional<Export> export(WorkspaceId workspace, LeadId asked, Instant at) {
        try (Connection connection = database.connection()) {
            Reader reader = new Reader(connection, workspace, cipher);
            Optional<String> survivor = reader.first("SELECT lead_id FROM leads WHERE workspace_id = ? AND lead_id = ? "
                    + "UNION ALL SELECT into_lead FROM lead_merges WHERE workspace_id = ? AND from_lead = ?",
                    asked.value(), workspace.value(), asked.value());
            if (survivor.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> state = reader.first("SELECT state FROM leads WHERE workspace_id = ? AND lead_id = ?",
                    survivor.get());
            if (state.isEmpty()) {
                return Optional.empty();
            }
            List<String> leads = reader.sources(survivor.get());
            String in = "(" + LeadErasure.placeholders(leads.size()) + ")";
            ObjectNode document = JSON.createObjectNode();
            document.put("exportedAt", at.toString());
            document.put("workspace", workspace.value());
            document.put("lead", survivor.get());
            if (!survivor.get().equals(asked.value())) {
                document.put("mergedFrom", asked.value());
            }
            document.set("leads", JSON.valueToTree(leads));
            document.set("state", lead(workspace, cipher.open(state.get(),
                    CellAddress.leadState(workspace.value(), survivor.get()))));
            document.set("identities", reader.rows("SELECT lead_id, kind, value FROM identities WHERE workspace_id = ? "
                    + "AND lead_id IN " + in + " ORDER BY kind, value", leads));
            document.set("events", events(reader, workspace, in, leads));
            document.set("consents", reader.rows("SELECT * FROM consents WHERE workspace_id = ? AND lead_id IN " + in
                    + " ORDER BY captured_at, position, ordinal", leads, consentCell(SealedColumn.CONSENT_DISCLOSURE),
                    consentCell(SealedColumn.CONSENT_PAGE), consentCell(SealedColumn.CONSENT_IP),
                    consentCell(SealedColumn.CONSENT_USER_AGENT), consentCell(SealedColumn.CONSENT_PART2)));
            document.set("transitions", reader.rows("SELECT lead_id, from_stage, to_stage, at, cause, actor FROM "
                    + "transitions WHERE workspace_id = ? AND lead_id IN " + in + " ORDER BY id", leads));
            document.set("salesActions", reader.rows("SELECT seq, lead_id, action, actor, at FROM lead_actions WHERE "
                    + "workspace_id = ? AND lead_id IN " + in + " ORDER BY seq", leads, new Sealed("action",
                    (ws, row) -> CellAddress.leadAction(ws, row.getLong("seq")))));
            document.set("outcomes", reader.rows("SELECT * FROM outcomes WHERE workspace_id = ? AND lead_id IN " + in
                    + " ORDER BY occurred_at, outcome_id", leads));
            document.set("slaTimers", reader.rows("SELECT lead_id, qualified_at, due_at, status, breached_at, "
                    + "closed_at FROM sla_timers WHERE workspace_id = ? AND lead_id IN " + in + " ORDER BY qualified_at",
                    leads));
            document.set("poolAssignments", reader.rows("SELECT pool, lead_id, destination_id FROM pool_assignments "
                    + "WHERE workspace_id = ? AND lead_id IN " + in + " ORDER BY pool", leads));
            document.set("handOffs", handOffs(reader, in, leads));
            document.set("egressDecisions", reader.rows("SELECT id, message_id, destination_id, lead_id, type, "
                    + "attempt, decided_at, outcome, rule_ids, redactions, reason FROM egress_decisions "
                    + "WHERE workspace_id = ? AND lead_id IN " + in + " ORDER BY id", leads));
            return Optional.of(new Export(new LeadId(survivor.get()), leads.stream().map(LeadId::new).toList(),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document)));
        } catch (SQLException e) {
            throw new IllegalStateException("reading a data-subject export failed", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export is always writable", e);
        }
    }

    /** The lead as stored, with its traits as plain values. */
    private JsonNode lead(WorkspaceId workspace, String stored) throws JsonProcessingException {
        LeadState lead = LeadStateCodec.decode(stored, version -> model(workspace, version));
        ObjectNode node = (ObjectNode) JSON.readTree(LeadStateCodec.encode(lead, model(workspace, lead.model())));
        node.set("traits", JSON.valueToTree(lead.traits().attributes().asMap()));
        return node;
    }

    private ScoringModel model(WorkspaceId workspace, ModelVersion version) {
        return models.model(workspace, version).map(StoredModel::model).orElseThrow(() ->
                new IllegalStateException("workspace " + workspace + " has no model " + version));
    }

    /** Each event as recorded: its place in the log, the lead it was logged for, the event and its extras. */
    private ArrayNode events(Reader reader, WorkspaceId workspace, String in, List<String> leads)
            throws SQLException, JsonProcessingException {
        ArrayNode events = reader.rows("SELECT seq, lead_id, message_id, kind, occurred_at, received_at, event, "
                + "extras FROM events WHERE workspace_id = ? AND lead_id IN " + in + " ORDER BY seq", leads);
        for (JsonNode event : events) {
            ObjectNode row = (ObjectNode) event;
            String messageId = row.get("messageId").asText();
            row.set("event", JSON.readTree(EventCodec.encode(EventCodec.decode(cipher.open(row.get("event").asText(),
                    CellAddress.eventBody(workspace.value(), messageId))))));
            row.set("extras", JSON.readTree(cipher.open(row.get("extras").asText(),
                    CellAddress.eventExtras(workspace.value(), messageId))));
        }
        return events;
    }

    /** The hand-offs about these leads, each with its delivery attempts. */
    private static ArrayNode handOffs(Reader reader, String in, List<String> leads) throws SQLException {
        ArrayNode messages = reader.rows("SELECT message_id, seq, destination_id, subject, type, at, status, attempts, "
                + "next_attempt_at, delivered_at, last_error, data FROM outbox WHERE workspace_id = ? AND subject IN "
                + in + " ORDER BY seq", leads, new Sealed("data",
                (ws, row) -> CellAddress.outboxData(ws, row.getString("message_id"))));
        for (JsonNode message : messages) {
            ((ObjectNode) message).set("deliveryAttempts", reader.rows("SELECT attempt, at, outcome, status_code, "
                    + "latency_ms, error FROM delivery_attempts WHERE message_id IN (SELECT message_id FROM outbox "
                    + "WHERE workspace_id = ? AND message_id = ?) ORDER BY id", List.of(message.get("messageId")
                    .asText())));
        }
        return messages;
    }

    /** A sealed column of a query: opened at the address of its workspace and the row key the query also selects. */
    private record Sealed(String column, RowAddress address) {
    }

    /** The address of a sealed cell, from its workspace and the row it was read in. */
    @FunctionalInterface
    private interface RowAddress {
        CellAddress of(String workspace, ResultSet row) throws SQLException;
    }

    /** A sealed column of the consent ledger, whose rows are keyed by their position and ordinal. */
    private static Sealed consentCell(SealedColumn column) {
        return new Sealed(column.column(), (ws, row) -> CellAddress.consent(column, ws, row.getLong("position"),
                row.getLong("ordinal")));
    }

    /** Reads rows of one workspace as JSON objects, columns as camelCase keys, sealed columns opened. */
    private static final class Reader {
        private final Connection connection;
        private final WorkspaceId workspace;
        private final CellCipher cipher;

        Reader(Connection connection, WorkspaceId workspace, CellCipher cipher) {
            this.connection = connection;
            this.workspace = workspace;
            this.cipher = cipher;
        }

        Optional<String> first(String sql, String... values) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, workspace.value());
                for (int i = 0; i < values.length; i++) {
                    select.setString(i + 2, values[i]);
                }
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        }

        List<String> sources(String survivor) throws SQLException {
            Set<String> found = new LinkedHashSet<>();
            List<String> frontier = new ArrayList<>(List.of(survivor));
            while (!frontier.isEmpty()) {
                String next = frontier.remove(0);
                if (found.add(next)) {
                    for (JsonNode merged : rows("SELECT from_lead FROM lead_merges WHERE workspace_id = ? "
                            + "AND into_lead = ? ORDER BY from_lead", List.of(next))) {
                        frontier.add(merged.get("fromLead").asText());
                    }
                }
            }
            return List.copyOf(found);
        }

        ArrayNode rows(String sql, List<String> values, Sealed... sealed) throws SQLException {
            ArrayNode rows = JSON.createArrayNode();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, workspace.value());
                for (int i = 0; i < values.size(); i++) {
                    select.setString(i + 2, values.get(i));
                }
                try (ResultSet found = select.executeQuery()) {
                    ResultSetMetaData columns = found.getMetaData();
                    while (found.next()) {
                        rows.add(row(found, columns, sealed));
                    }
                }
            }
            return rows;
        }

        private ObjectNode row(ResultSet found, ResultSetMetaData columns, Sealed[] sealed) throws SQLException {
            ObjectNode row = JSON.createObjectNode();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                String column = columns.getColumnLabel(i).toLowerCase(Locale.ROOT);
                if (column.equals("workspace_id")) {
                    continue;
                }
                String key = camelCase(column);
                Object value = found.getObject(i);
                if (value == null) {
                    row.putNull(key);
                } else if (INSTANT_COLUMNS.contains(column)) {
                    row.put(key, Instant.ofEpochMilli(found.getLong(i)).toString());
                } else if (JSON_COLUMNS.contains(column)) {
                    row.set(key, parse(text(found, i, column, sealed)));
                } else if (isWhole(columns.getColumnType(i))) {
                    row.put(key, found.getLong(i));
                } else if (value instanceof Number number) {
                    row.put(key, number.doubleValue());
                } else {
                    row.put(key, text(found, i, column, sealed));
                }
            }
            return row;
        }

        private String text(ResultSet found, int index, String column, Sealed[] sealed) throws SQLException {
            for (Sealed cell : sealed) {
                if (cell.column().equals(column)) {
                    return cipher.open(found.getString(index), cell.address().of(workspace.value(), found));
                }
            }
            return found.getString(index);
        }

        private static boolean isWhole(int type) {
            return type == Types.INTEGER || type == Types.BIGINT || type == Types.SMALLINT;
        }

        private static JsonNode parse(String text) {
            try {
                return JSON.readTree(text);
            } catch (JsonProcessingException e) {
                return JSON.getNodeFactory().textNode(text);
            }
        }

        private static String camelCase(String column) {
            StringBuilder key = new StringBuilder(column.length());
            boolean upper = false;
            for (char c : column.toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    key.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return key.toString();
        }
    }
}
