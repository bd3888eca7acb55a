package io.attune.store.outcome;

import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Money;
import io.attune.core.outcome.CrmRecordId;
import io.attune.core.outcome.Outcome;
import io.attune.core.outcome.OutcomeFilter;
import io.attune.core.outcome.OutcomeId;
import io.attune.core.outcome.OutcomeSource;
import io.attune.core.outcome.OutcomeStatus;
import io.attune.core.outcome.Outcomes;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.db.Database;
import io.attune.store.query.InvalidCursorException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.Query;

/** Outcomes in their own table, one row per distinct update; listed by when they occurred. */
public final class JdbcOutcomes implements Outcomes {
    /** Ids per IN list, well inside both engines' limits on bound parameters. */
    private static final int CHUNK = 500;
    private static final String COLUMNS = "outcome_id, lead_id, status, occurred_at, amount, currency, crm_id, source, "
            + "recorded_by, recorded_at";

    private final Database database;

    public JdbcOutcomes(Database database) {
        this.database = database;
    }

    @Override
    public Set<OutcomeId> stored(WorkspaceId workspace, Collection<OutcomeId> ids) {
        List<String> all = ids.stream().map(OutcomeId::value).distinct().toList();
        Set<OutcomeId> found = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            database.jdbi().useHandle(handle -> handle.createQuery("SELECT outcome_id FROM outcomes "
                            + "WHERE workspace_id = :workspace AND outcome_id IN (<ids>)")
                    .bind("workspace", workspace.value()).bindList("ids", chunk).mapTo(String.class)
                    .forEach(id -> found.add(new OutcomeId(id))));
        }
        return found;
    }

    @Override
    public Set<OutcomeId> store(WorkspaceId workspace, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Set.of();
        }
        return database.jdbi().inTransaction(handle -> {
            Set<OutcomeId> added = new HashSet<>();
            for (Outcome outcome : outcomes) {
                int rows = handle.createUpdate("INSERT INTO outcomes (workspace_id, " + COLUMNS + ") "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (workspace_id, outcome_id) DO NOTHING")
                        .bind(0, workspace.value()).bind(1, outcome.id().value()).bind(2, outcome.lead().value())
                        .bind(3, outcome.status().wireName()).bind(4, outcome.occurredAt().toEpochMilli())
                        .bind(5, outcome.amount().map(money -> money.amount().toPlainString()).orElse(null))
                        .bind(6, outcome.amount().map(Money::currency).orElse(null))
                        .bind(7, outcome.crmId().map(CrmRecordId::value).orElse(null))
                        .bind(8, outcome.source().value()).bind(9, outcome.recordedBy().describe())
                        .bind(10, outcome.recordedAt().toEpochMilli()).execute();
                if (rows == 1) {
                    added.add(outcome.id());
                }
            }
            return added;
        });
    }

    @Override
    public Page<Outcome> outcomes(WorkspaceId workspace, OutcomeFilter filter, Optional<String> cursor, int limit) {
        Optional<Position> after = cursor.map(Position::read);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM outcomes WHERE workspace_id = :workspace");
        filter.since().ifPresent(since -> sql.append(" AND occurred_at >= :since"));
        filter.status().ifPresent(status -> sql.append(" AND status = :status"));
        after.ifPresent(position -> sql.append(
                " AND (occurred_at > :afterAt OR (occurred_at = :afterAt AND outcome_id > :afterId))"));
        sql.append(" ORDER BY occurred_at, outcome_id LIMIT :limit");
        List<Outcome> rows = database.jdbi().withHandle(handle -> {
            Query query = handle.createQuery(sql.toString()).bind("workspace", workspace.value())
                    .bind("limit", limit + 1);
            filter.since().ifPresent(since -> query.bind("since", since.toEpochMilli()));
            filter.status().ifPresent(status -> query.bind("status", status.wireName()));
            after.ifPresent(position -> query.bind("afterAt", position.at()).bind("afterId", position.id()));
            return query.map((rs, ctx) -> outcome(rs)).list();
        });
        List<Outcome> page = new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
        Optional<String> next = rows.size() > limit
                ? Optional.of(new Position(page.get(limit - 1).occurredAt().toEpochMilli(),
                        page.get(limit - 1).id().value()).write())
                : Optional.empty();
        return new Page<>(page, next);
    }

    private static Outcome outcome(ResultSet rs) throws SQLException {
        String amount = rs.getString("amount");
        Optional<Money> money = amount == null ? Optional.empty()
                : Optional.of(new Money(new BigDecimal(amount), rs.getString("currency")));
        return new Outcome(new LeadId(rs.getString("lead_id")),
                OutcomeStatus.fromWireName(rs.getString("status")).orElseThrow(),
                Instant.ofEpochMilli(rs.getLong("occurred_at")), money,
                Optional.ofNullable(rs.getString("crm_id")).map(CrmRecordId::new),
                new OutcomeSource(rs.getString("source")), Actor.parse(rs.getString("recorded_by")),
                Instant.ofEpochMilli(rs.getLong("recorded_at")));
    }

    /** Where a page ended: the last outcome's time and id, as an opaque cursor. */
    private record Position(long at, String id) {
        String write() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((at + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position read(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = text.indexOf(':');
                return new Position(Long.parseLong(text.substring(0, colon)), new OutcomeId(text.substring(colon + 1))
                        .value());
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new InvalidCursorException(cursor);
            }
        }
    }
}
