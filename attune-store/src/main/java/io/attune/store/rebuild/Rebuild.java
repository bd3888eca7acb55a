package io.attune.store.rebuild;

import io.attune.core.event.Event;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.ApplyLeadAction;
import io.attune.core.ingest.RecordEvent;
import io.attune.core.ingest.Recorded;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.model.ModelRegistry;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.workspace.Workspace;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.WorkspaceSettings;
import io.attune.core.workspace.Workspaces;
import io.attune.store.codec.EventCodec;
import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.CellCipher;
import io.attune.store.codec.LeadActionCodec;
import io.attune.store.db.Database;
import io.attune.store.ingest.JdbcLeadBook;
import io.attune.store.ingest.WriterCache;
import io.attune.store.privacy.JdbcPrivacyClassifications;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes every projection (identities, merges, leads, accounts, transitions, and the consents
 * events carried) from the event log, in log order, through the same {@link RecordEvent} that
 * recorded the events; consents entered through the API are not a projection and stay. One
 * transaction per workspace: a rebuild that fails leaves the old projections in place. Run it
 * with the server stopped.
 */
public final class Rebuild {
    private static final List<String> PROJECTIONS = List.of("identities", "lead_merges", "leads", "accounts",
            "transitions", "account_transitions");
    private static final int CHUNK = 5_000;

    private final Database database;
    private final ModelRegistry models;
    private final Workspaces workspaces;
    private final CellCipher cipher;

    public Rebuild(Database database, ModelRegistry models, Workspaces workspaces, CellCipher cipher) {
        this.database = database;
        this.models = models;
        this.workspaces = workspaces;
        this.cipher = cipher;
    }

    /** What one workspace's rebuild did. {@code movedEvents} counts events now attributed to another lead id. */
    public record Report(WorkspaceId workspace, long events, long leads, long movedEvents) {
    }

    public List<Report> rebuildAll() throws SQLException {
        List<Report> reports = new ArrayList<>();
        for (Workspace workspace : workspaces.list()) {
            reports.add(rebuild(workspace.id()));
        }
        return reports;
    }

    public Report rebuild(WorkspaceId workspace) throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                for (String table : PROJECTIONS) {
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM " + table + " WHERE workspace_id = ?")) {
                        delete.setString(1, workspace.value());
                        delete.executeUpdate();
                    }
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM consents WHERE workspace_id = ? AND message_id IS NOT NULL")) {
                    delete.setString(1, workspace.value());
                    delete.executeUpdate();
                }
                Report report = replay(connection, workspace);
                connection.commit();
                return report;
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            }
        }
    }

    private Report replay(Connection connection, WorkspaceId workspace) throws SQLException {
        WriterCache cache = new WriterCache(100_000);
        LeadScoring scoring = new LeadScoring();
        // today's classification, like today's settings: the rebuilt scores are what recording now would give
        DataDictionary dictionary = JdbcPrivacyClassifications.read(connection, workspace).dataDictionary();
        long events = 0;
        long moved = 0;
        long after = 0;
        long[] replaying = new long[1];
        while (true) {
            List<Logged> chunk = chunk(connection, workspace, after);
            if (chunk.isEmpty()) {
                break;
            }
            JdbcLeadBook book = new JdbcLeadBook(connection, workspace, cache, models, cipher, () -> replaying[0],
                    false);
            // Today's settings: a rebuild after the recycle fraction changed recycles past leads with the new one.
            WorkspaceSettings settings = workspaces.settings(workspace);
            LifecyclePolicy policy = settings.lifecycle();
            RecordEvent record = new RecordEvent(workspace, models.catalog(workspace), book, scoring, policy,
                    settings.privacy().scoringGate(), dictionary);
            ApplyLeadAction apply = new ApplyLeadAction(models.catalog(workspace), book, policy);
            for (Logged logged : chunk) {
                replaying[0] = logged.seq();
                if (logged.action() != null) {
                    apply.apply(logged.action());
                } else {
                    Recorded recorded = record.record(logged.event());
                    if (recorded instanceof Recorded.Accepted accepted && !accepted.lead().equals(logged.lead())) {
                        moved++;
                    }
                    events++;
                }
                after = logged.seq();
            }
            book.flush();
            book.publish();
            book.close();
        }
        long leads;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM leads WHERE workspace_id = ?")) {
            count.setString(1, workspace.value());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                leads = rows.getLong(1);
            }
        }
        return new Report(workspace, events, leads, moved);
    }

    /** One entry of the log: an event, or a sales action (the other is null). */
    private record Logged(long seq, LeadId lead, Event event, LeadAction action) {
    }

    private List<Logged> chunk(Connection connection, WorkspaceId workspace, long after) throws SQLException {
        List<Logged> chunk = new ArrayList<>(CHUNK);
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, lead_id, event, "
                + "CAST(NULL AS TEXT) AS actor, 0 AS at, message_id FROM events WHERE workspace_id = ? AND seq > ? "
                + "UNION ALL SELECT seq, lead_id, action, actor, at, CAST(NULL AS TEXT) FROM lead_actions WHERE workspace_id = ? AND seq > ? "
                + "ORDER BY seq LIMIT " + CHUNK)) {
            select.setString(1, workspace.value());
            select.setLong(2, after);
            select.setString(3, workspace.value());
            select.setLong(4, after);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String actor = rows.getString(4);
                    chunk.add(actor == null
                            ? new Logged(rows.getLong(1), new LeadId(rows.getString(2)),
                                    EventCodec.decode(cipher.openUtf8(rows.getString(3),
                                            CellAddress.eventBody(workspace.value(), rows.getString(6)))), null)
                            : new Logged(rows.getLong(1), new LeadId(rows.getString(2)), null,
                                    LeadActionCodec.action(rows.getString(2), cipher.open(rows.getString(3),
                                            CellAddress.leadAction(workspace.value(), rows.getLong(1))), actor,
                                            rows.getLong(5))));
                }
            }
        }
        return chunk;
    }
}
