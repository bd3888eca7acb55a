package io.attune.store.query;

import io.attune.core.account.AccountId;
import io.attune.core.account.AccountState;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.event.Event;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.StoredModel;
import io.attune.core.query.LeadFilter;
import io.attune.core.query.LeadQueries;
import io.attune.core.query.Page;
import io.attune.core.scoring.Qualification;
import io.attune.core.sla.SlaTimer;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.codec.AccountStateCodec;
import io.attune.store.codec.EventCodec;
import io.attune.store.codec.LeadStateCodec;
import io.attune.store.consent.JdbcConsents;
import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.CellCipher;
import io.attune.store.db.Database;
import io.attune.store.sla.SlaTimerRows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The API's reads, straight from the projections; every query is scoped to one workspace. */
public final class JdbcLeadQueries implements LeadQueries {
    private final Database database;
    private final ModelRegistry models;
    private final CellCipher cipher;

    public JdbcLeadQueries(Database database, ModelRegistry models, CellCipher cipher) {
        this.database = database;
        this.models = models;
        this.cipher = cipher;
    }

    @Override
    public Optional<LeadState> lead(WorkspaceId workspace, LeadId lead) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT state FROM leads WHERE workspace_id = ? AND lead_id = ?")
                .bind(0, workspace.value()).bind(1, lead.value()).mapTo(String.class).findOne()
                .map(stored -> decode(workspace, lead.value(), stored)));
    }

    @Override
    public Optional<LeadState> leadByIdentity(WorkspaceId workspace, Identity identity) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT l.lead_id, l.state FROM identities i "
                        + "JOIN leads l ON l.workspace_id = i.workspace_id AND l.lead_id = i.lead_id "
                        + "WHERE i.workspace_id = ? AND i.kind = ? AND i.value = ?")
                .bind(0, workspace.value()).bind(1, identity.kind().name()).bind(2, identity.value())
                .map((rs, ctx) -> decode(workspace, rs.getString(1), rs.getString(2))).findOne());
    }

    /** A live lead is its own survivor; merges are kept flat (re-pointed on every merge), so one hop suffices. */
    @Override
    public Optional<LeadId> survivorOf(WorkspaceId workspace, LeadId lead) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT lead_id FROM leads WHERE workspace_id = :workspace AND lead_id = :lead UNION ALL "
                                + "SELECT into_lead FROM lead_merges WHERE workspace_id = :workspace AND from_lead = :lead")
                .bind("workspace", workspace.value()).bind("lead", lead.value()).mapTo(String.class).findFirst()
                .map(LeadId::new));
    }

    /**
     * Leads in id order. The score bounds are applied in SQL to fit + engagement; a learned term needs
     * every rule's value, which only the stored state holds, so a lead of a model with one passes the
     * SQL lower bound regardless (its term is never negative, so the upper bound stays exact as a
     * pre-filter) and is checked on its decoded score. Pages are then filled batch by batch.
     */
    @Override
    public Page<LeadState> leads(WorkspaceId workspace, LeadFilter filter, Optional<String> cursor, int limit,
            Instant now) {
        List<String> learned = filter.minScore().isPresent() || filter.maxScore().isPresent()
                ? learnedModels(workspace) : List.of();
        List<LeadState> leads = new ArrayList<>();
        Optional<String> after = cursor.map(JdbcLeadQueries::fromCursor);
        while (leads.size() <= limit) {
            List<String[]> rows = leadRows(leadsSql(filter, learned, after.isPresent()), workspace, filter, learned, after, limit + 1, now);
            for (String[] row : rows) {
                LeadState lead = decode(workspace, row[0], row[1]);
                if (learned.isEmpty() || withinScore(workspace, lead, filter, now)) {
                    leads.add(lead);
                }
            }
            if (rows.size() <= limit) {
                break;
            }
            after = Optional.of(rows.get(rows.size() - 1)[0]);
        }
        Optional<String> next = leads.size() > limit ? Optional.of(toCursor(leads.get(limit - 1).id().value()))
                : Optional.empty();
        return new Page<>(List.copyOf(leads.subList(0, Math.min(limit, leads.size()))), next);
    }

    private String leadsSql(LeadFilter filter, List<String> learned, boolean after) {
        StringBuilder sql = new StringBuilder("SELECT lead_id, state FROM leads WHERE workspace_id = :workspace");
        filter.stage().ifPresent(stage -> sql.append(" AND stage = :stage"));
        filter.segment().ifPresent(segment -> sql.append(" AND segment = :segment"));
        filter.updatedSince().ifPresent(since -> sql.append(" AND updated_at >= :since"));
        filter.accountId().ifPresent(account -> sql.append(" AND account_id = :account"));
        String score = scoreNow();
        if (filter.minScore().isPresent()) {
            sql.append(" AND (").append(score).append(" >= :minScore")
                    .append(learned.isEmpty() ? "" : " OR model IN (<learned>)").append(')');
        }
        if (filter.maxScore().isPresent()) {
            sql.append(" AND ").append(score).append(" <= :maxScore");
        }
        if (after) {
            sql.append(" AND lead_id > :after");
        }
        sql.append(" ORDER BY lead_id LIMIT :limit");
        return sql.toString();
    }

    private List<String[]> leadRows(String sql, WorkspaceId workspace, LeadFilter filter, List<String> learned,
            Optional<String> after, int limit, Instant now) {
        return database.jdbi().withHandle(handle -> {
            Query query = handle.createQuery(sql).bind("workspace", workspace.value())
                    .bind("limit", limit).bind("now", now.toEpochMilli());
            filter.stage().ifPresent(stage -> query.bind("stage", stage.wireName()));
            filter.segment().ifPresent(segment -> query.bind("segment", segment.wireName()));
            filter.updatedSince().ifPresent(since -> query.bind("since", since.toEpochMilli()));
            filter.accountId().ifPresent(account -> query.bind("account", account));
            filter.minScore().ifPresent(min -> query.bind("minScore", min));
            filter.maxScore().ifPresent(max -> query.bind("maxScore", max));
            if (!learned.isEmpty() && filter.minScore().isPresent()) {
                query.bindList("learned", learned);
            }
            after.ifPresent(id -> query.bind("after", id));
            return query.map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        });
    }

    /** The workspace's model versions that add a learned term, as the leads table names them. */
    private List<String> learnedModels(WorkspaceId workspace) {
        return models.models(workspace).stream().map(StoredModel::model)
                .filter(model -> model.learned().isPresent()).map(model -> model.version().toString()).toList();
    }

    /** The exact bounds for a lead of a learned model: fit + engagement + the term, as the core computes them. */
    private boolean withinScore(WorkspaceId workspace, LeadState lead, LeadFilter filter, Instant now) {
        ScoringModel model = model(workspace, lead.model());
        if (model.learned().isEmpty()) {
            return true;
        }
        double total = Qualification.listedScore(model, lead, now);
        return (filter.minScore().isEmpty() || total >= filter.minScore().getAsDouble())
                && (filter.maxScore().isEmpty() || total <= filter.maxScore().getAsDouble());
    }

    /** Fit plus engagement decayed to :now — the same formula as the core's, evaluated in SQL. */
    private String scoreNow() {
        String elapsedSeconds = database.dialect().greatest("0", "(:now - eng_as_of)") + " / 1000.0";
        return "(fit + " + database.dialect().greatest("0", "eng_value * exp(eng_rate * " + elapsedSeconds + ")") + ")";
    }

    @Override
    public List<Identity> identities(WorkspaceId workspace, LeadId lead) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT kind, value FROM identities WHERE workspace_id = ? AND lead_id = ? ORDER BY kind, value")
                .bind(0, workspace.value()).bind(1, lead.value())
                .map((rs, ctx) -> new Identity(IdentityKind.valueOf(rs.getString(1)), rs.getString(2))).list());
    }

    /** The lead's transitions and those of leads merged into it, in the order they were recorded. */
    @Override
    public List<Transition> transitions(WorkspaceId workspace, LeadId lead) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT from_stage, to_stage, at, cause, "
                        + "actor FROM transitions WHERE workspace_id = :workspace AND lead_id IN (<leads>) ORDER BY id")
                .bind("workspace", workspace.value())
                .bindList("leads", List.copyOf(sourcesOf(handle, workspace, lead)))
                .map((rs, ctx) -> new Transition(lead, Stage.fromWireName(rs.getString(1)).orElseThrow(),
                        Stage.fromWireName(rs.getString(2)).orElseThrow(), Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getString(4), Actor.parse(rs.getString(5)))).list());
    }

    @Override
    public ConsentLedger consents(WorkspaceId workspace, LeadId lead) {
        return new JdbcConsents(database, cipher).ledger(workspace, lead);
    }

    @Override
    public Optional<Instant> erasedAt(WorkspaceId workspace, LeadId lead) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT erased_at FROM subject_erasures WHERE workspace_id = ? AND lead_id = ?")
                .bind(0, workspace.value()).bind(1, lead.value()).mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    @Override
    public List<Event> history(WorkspaceId workspace, LeadId lead) {
        return database.jdbi().withHandle(handle -> {
            Set<String> sources = sourcesOf(handle, workspace, lead);
            return handle.createQuery("SELECT message_id, event FROM events WHERE workspace_id = :workspace "
                            + "AND lead_id IN (<leads>) ORDER BY seq")
                    .bind("workspace", workspace.value()).bindList("leads", List.copyOf(sources))
                    .map((rs, ctx) -> EventCodec.decode(cipher.open(rs.getString(2),
                            CellAddress.eventBody(workspace.value(), rs.getString(1))))).list();
        });
    }

    private static Set<String> sourcesOf(Handle handle, WorkspaceId workspace, LeadId lead) {
        Set<String> sources = new HashSet<>();
        List<String> frontier = new ArrayList<>(List.of(lead.value()));
        while (!frontier.isEmpty()) {
            String next = frontier.remove(frontier.size() - 1);
            if (sources.add(next)) {
                frontier.addAll(handle.createQuery(
                                "SELECT from_lead FROM lead_merges WHERE workspace_id = ? AND into_lead = ?")
                        .bind(0, workspace.value()).bind(1, next).mapTo(String.class).list());
            }
        }
        return sources;
    }

    @Override
    public Optional<AccountState> account(WorkspaceId workspace, AccountId account) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT state FROM accounts WHERE workspace_id = ? AND account_id = ?")
                .bind(0, workspace.value()).bind(1, account.value()).mapTo(String.class).findOne()
                .map(AccountStateCodec::decode));
    }

    @Override
    public Page<AccountState> accounts(WorkspaceId workspace, Optional<Boolean> mqa, Optional<String> cursor,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT account_id, state FROM accounts WHERE workspace_id = :workspace");
        mqa.ifPresent(flag -> sql.append(" AND mqa = :mqa"));
        Optional<String> after = cursor.map(JdbcLeadQueries::fromCursor);
        after.ifPresent(id -> sql.append(" AND account_id > :after"));
        sql.append(" ORDER BY account_id LIMIT :limit");
        List<String[]> rows = database.jdbi().withHandle(handle -> {
            Query query = handle.createQuery(sql.toString()).bind("workspace", workspace.value())
                    .bind("limit", limit + 1);
            mqa.ifPresent(flag -> query.bind("mqa", flag ? 1 : 0));
            after.ifPresent(id -> query.bind("after", id));
            return query.map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        });
        List<AccountState> accounts = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            accounts.add(AccountStateCodec.decode(rows.get(i)[1]));
        }
        Optional<String> next = rows.size() > limit ? Optional.of(toCursor(rows.get(limit - 1)[0])) : Optional.empty();
        return new Page<>(accounts, next);
    }

    @Override
    public List<LeadId> contacts(WorkspaceId workspace, AccountId account) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT lead_id FROM leads WHERE workspace_id = ? AND account_id = ? ORDER BY lead_id")
                .bind(0, workspace.value()).bind(1, account.value()).mapTo(String.class).map(LeadId::new).list());
    }

    private LeadState decode(WorkspaceId workspace, String lead, String stored) {
        return LeadStateCodec.decode(cipher.open(stored, CellAddress.leadState(workspace.value(), lead)),
                version -> model(workspace, version));
    }

    private ScoringModel model(WorkspaceId workspace, ModelVersion version) {
        return models.model(workspace, version).map(StoredModel::model)
                .orElseThrow(() -> new IllegalStateException("workspace " + workspace + " has no model " + version));
    }

    private static String toCursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<SlaTimer> slaTimers(WorkspaceId workspace, LeadId lead) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + SlaTimerRows.COLUMNS
                        + " FROM sla_timers WHERE workspace_id = ? AND lead_id = ? ORDER BY qualified_at DESC")
                .bind(0, workspace.value()).bind(1, lead.value()).map((rs, ctx) -> SlaTimerRows.timer(rs)).list());
    }

    @Override
    public Page<SlaTimer> breaches(WorkspaceId workspace, boolean overdueOnly, Optional<String> cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + SlaTimerRows.COLUMNS + " FROM sla_timers "
                + "WHERE workspace_id = :workspace AND status = 'breached'");
        if (overdueOnly) {
            sql.append(" AND closed_at IS NULL");
        }
        Optional<String[]> after = cursor.map(JdbcLeadQueries::fromCursor).map(JdbcLeadQueries::breachKey);
        after.ifPresent(key -> sql.append(" AND (breached_at < :breached OR (breached_at = :breached AND "
                + "(lead_id < :lead OR (lead_id = :lead AND qualified_at < :qualified))))"));
        sql.append(" ORDER BY breached_at DESC, lead_id DESC, qualified_at DESC LIMIT :limit");
        List<SlaTimer> rows = database.jdbi().withHandle(handle -> {
            Query query = handle.createQuery(sql.toString()).bind("workspace", workspace.value())
                    .bind("limit", limit + 1);
            after.ifPresent(key -> query.bind("breached", Long.parseLong(key[0])).bind("lead", key[1])
                    .bind("qualified", Long.parseLong(key[2])));
            return query.map((rs, ctx) -> SlaTimerRows.timer(rs)).list();
        });
        List<SlaTimer> page = rows.subList(0, Math.min(limit, rows.size()));
        Optional<String> next = rows.size() > limit ? Optional.of(toCursor(page.get(limit - 1).breachedAt()
                .orElseThrow().toEpochMilli() + "/" + page.get(limit - 1).lead().value() + "/"
                + page.get(limit - 1).qualifiedAt().toEpochMilli())) : Optional.empty();
        return new Page<>(page, next);
    }

    private static String[] breachKey(String decoded) {
        String[] key = decoded.split("/", 3);
        if (key.length != 3 || !key[0].matches("\\d{1,19}") || !key[2].matches("\\d{1,19}")) {
            throw new InvalidCursorException(decoded);
        }
        return key;
    }

    /** An opaque cursor back to the id it encodes; a cursor that does not decode is a bad request. */
    private static String fromCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException(cursor);
        }
    }
}
