package io.attune.store.ingest;

import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads leads' stored events, still sealed, on pooled connections of their own rather than the
 * writer's, so that a model activation's replaying threads share the reading: it was most of the
 * writer's time in an activation, a lead's events lying on as many scattered pages. The events a
 * committed transaction left are all there are to read, as an activation records none of its own.
 *
 * <p>Leads are read in groups, the size of a replay's batch: the first replay that needs a lead's
 * history reads the whole group's in one query, on a connection it holds only while it reads.
 */
final class HistoryReader {
    private final Database database;
    private final WorkspaceId workspace;
    private final int groupSize;
    private Group open;

    HistoryReader(Database database, WorkspaceId workspace, int groupSize) {
        this.database = database;
        this.workspace = workspace;
        this.groupSize = groupSize;
    }

    /** An event as the log holds it, sealed. */
    record Stored(long seq, String event, String messageId) {
    }

    /**
     * A reading of the events logged for {@code lead} itself (not for leads merged into it), in no
     * particular order, read with the group's at the first need of any. Called on the writer's thread.
     */
    Supplier<List<Stored>> reading(LeadId lead) {
        if (open == null || !open.join(lead)) {
            open = new Group();
            open.join(lead);
        }
        Group group = open;
        return () -> group.take(lead);
    }

    /** Starts a new group, so that groups keep to the replay batches of a window that starts now. */
    void startGroup() {
        open = null;
    }

    /** Leads whose histories are read together; none joins once they are read, so none is left out. */
    private final class Group {
        private final List<String> leads = new ArrayList<>(groupSize);
        private Map<String, List<Stored>> read;

        /** Whether {@code lead} could join: no, if the group is full or already read. */
        synchronized boolean join(LeadId lead) {
            if (read != null || leads.size() == groupSize) {
                return false;
            }
            leads.add(lead.value());
            return true;
        }

        /** The lead's events, none if it has none. */
        synchronized List<Stored> take(LeadId lead) {
            if (read == null) {
                read = readAll(leads);
            }
            List<Stored> events = read.remove(lead.value());
            return events == null ? List.of() : events;
        }
    }

    private Map<String, List<Stored>> readAll(List<String> leads) {
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement("SELECT lead_id, seq, event, message_id "
                     + "FROM events WHERE workspace_id = ? AND lead_id IN ("
                     + JdbcLeadBook.placeholders(leads.size()) + ")")) {
            select.setString(1, workspace.value());
            for (int i = 0; i < leads.size(); i++) {
                select.setString(i + 2, leads.get(i));
            }
            Map<String, List<Stored>> events = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.computeIfAbsent(rows.getString(1), lead -> new ArrayList<>())
                            .add(new Stored(rows.getLong(2), rows.getString(3), rows.getString(4)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new StoreFailure("reading leads' histories failed", e);
        }
    }
}
