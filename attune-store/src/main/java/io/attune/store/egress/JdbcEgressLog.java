package io.attune.store.egress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressLog;
import io.attune.core.egress.EgressQuery;
import io.attune.core.egress.EgressRecord;
import io.attune.core.egress.EgressRule;
import io.attune.core.egress.Redaction;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffType;
import io.attune.core.privacy.DataClass;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.db.Database;
import io.attune.store.query.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.Query;

/**
 * The egress decisions in the database, in the order they were taken (by row id). Redactions are kept
 * as JSON of field names, classes, treatments and rule ids; no value of a field is ever written here.
 */
public final class JdbcEgressLog implements EgressLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> REDACTIONS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, workspace_id, message_id, destination_id, lead_id, type, attempt, "
            + "decided_at, outcome, rule_ids, redactions, reason";
    private static final String CURSOR = "egress:";

    private final Database database;

    public JdbcEgressLog(Database database) {
        this.database = database;
    }

    @Override
    public void record(EgressRecord record) {
        database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO egress_decisions (workspace_id, "
                        + "message_id, destination_id, lead_id, type, attempt, decided_at, outcome, rule_ids, "
                        + "redactions, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, record.workspace().value()).bind(1, record.messageId())
                .bind(2, record.destination().value()).bind(3, record.lead()).bind(4, record.type().wireName())
                .bind(5, record.attempt()).bind(6, record.at().toEpochMilli()).bind(7, record.outcome().wireName())
                .bind(8, String.join(" ", record.ruleIds())).bind(9, write(record.redactions()))
                .bind(10, record.reason().orElse(null)).execute());
    }

    @Override
    public List<EgressRecord> ofMessage(WorkspaceId workspace, String messageId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM egress_decisions WHERE workspace_id = ? AND message_id = ? ORDER BY id")
                .bind(0, workspace.value()).bind(1, messageId).map((rs, ctx) -> read(rs)).list());
    }

    @Override
    public List<Instant> firstReleases(WorkspaceId workspace, String lead, DestinationKind kind, Instant since,
            String exceptMessage) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT MIN(e.decided_at) AS released_at "
                        + "FROM egress_decisions e JOIN destinations d ON d.workspace_id = e.workspace_id "
                        + "AND d.destination_id = e.destination_id WHERE e.workspace_id = ? AND e.lead_id = ? "
                        + "AND d.kind = ? AND e.outcome IN ('sent', 'redacted') AND e.decided_at >= ? "
                        + "AND e.message_id != ? GROUP BY e.message_id ORDER BY released_at")
                .bind(0, workspace.value()).bind(1, lead).bind(2, kind.wireName()).bind(3, since.toEpochMilli())
                .bind(4, exceptMessage).map((rs, ctx) -> Instant.ofEpochMilli(rs.getLong("released_at"))).list());
    }

    @Override
    public Page<EgressRecord> decisions(WorkspaceId workspace, EgressQuery query, Optional<String> cursor,
            int limit) {
        Optional<Long> after = cursor.map(JdbcEgressLog::idOf);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM egress_decisions "
                + "WHERE workspace_id = :workspace");
        query.destination().ifPresent(destination -> sql.append(" AND destination_id = :destination"));
        query.outcome().ifPresent(outcome -> sql.append(" AND outcome = :outcome"));
        query.since().ifPresent(since -> sql.append(" AND decided_at >= :since"));
        after.ifPresent(id -> sql.append(" AND id > :after"));
        sql.append(" ORDER BY id LIMIT :limit");
        List<Row> rows = database.jdbi().withHandle(handle -> {
            Query select = handle.createQuery(sql.toString()).bind("workspace", workspace.value())
                    .bind("limit", limit + 1);
            query.destination().ifPresent(destination -> select.bind("destination", destination.value()));
            query.outcome().ifPresent(outcome -> select.bind("outcome", outcome.wireName()));
            query.since().ifPresent(since -> select.bind("since", since.toEpochMilli()));
            after.ifPresent(id -> select.bind("after", id));
            return select.map((rs, ctx) -> new Row(rs.getLong("id"), read(rs))).list();
        });
        List<Row> page = rows.subList(0, Math.min(limit, rows.size()));
        Optional<String> next = rows.size() > limit ? Optional.of(cursorOf(page.get(limit - 1).id()))
                : Optional.empty();
        return new Page<>(page.stream().map(Row::record).toList(), next);
    }

    private record Row(long id, EgressRecord record) {
    }

    private static EgressRecord read(ResultSet rs) throws SQLException {
        Set<EgressRule> rules = rules(rs.getString("rule_ids"));
        return new EgressRecord(new WorkspaceId(rs.getString("workspace_id")), rs.getString("message_id"),
                new DestinationId(rs.getString("destination_id")), rs.getString("lead_id"),
                HandOffType.fromWireName(rs.getString("type")).orElseThrow(), rs.getInt("attempt"),
                Instant.ofEpochMilli(rs.getLong("decided_at")),
                EgressRecord.Outcome.fromWireName(rs.getString("outcome")).orElseThrow(), rules,
                redactions(rs.getString("redactions")), Optional.ofNullable(rs.getString("reason")));
    }

    private static Set<EgressRule> rules(String ids) {
        Set<EgressRule> rules = EnumSet.noneOf(EgressRule.class);
        if (ids != null && !ids.isBlank()) {
            Arrays.stream(ids.trim().split(" +")).forEach(id -> rules.add(EgressRule.fromId(id).orElseThrow(() ->
                    new IllegalStateException("a stored egress decision names an unknown rule " + id))));
        }
        return rules;
    }

    private static String write(List<Redaction> redactions) {
        List<Map<String, Object>> entries = new ArrayList<>(redactions.size());
        for (Redaction redaction : redactions) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", redaction.field());
            entry.put("class", redaction.dataClass().wireName());
            entry.put("treatment", redaction.treatment().name().toLowerCase(Locale.ROOT));
            entry.put("rules", redaction.rules().stream().sorted().map(EgressRule::id).toList());
            entries.add(entry);
        }
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("redactions could not be written", e);
        }
    }

    private static List<Redaction> redactions(String json) {
        try {
            List<Redaction> redactions = new ArrayList<>();
            for (Map<String, Object> entry : JSON.readValue(json, REDACTIONS)) {
                @SuppressWarnings("unchecked")
                List<String> ids = (List<String>) entry.get("rules");
                redactions.add(new Redaction((String) entry.get("field"),
                        DataClass.fromWireName((String) entry.get("class")).orElseThrow(),
                        Redaction.Treatment.valueOf(((String) entry.get("treatment")).toUpperCase(Locale.ROOT)),
                        rules(String.join(" ", ids))));
            }
            return redactions;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored redactions could not be read: " + e.getOriginalMessage(), e);
        }
    }

    private static String cursorOf(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long idOf(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR)) {
                return Long.parseLong(text.substring(CURSOR.length()));
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidCursorException(cursor);
    }
}
