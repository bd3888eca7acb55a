package io.attune.store.ingest;

import io.attune.core.account.AccountState;
import io.attune.core.account.AccountTransition;
import io.attune.core.event.Event;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.identity.Identity;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ScoringModel;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.codec.AccountStateCodec;
import io.attune.store.codec.HandOffCodec;
import io.attune.store.codec.LeadActionCodec;
import io.attune.store.codec.LeadStateCodec;
import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.CellCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Writes one unit of work's buffered changes as JDBC batches, one statement per table. */
final class BookFlush {
    private static final String INSERT_EVENT = "INSERT INTO events (seq, workspace_id, message_id, lead_id, kind, "
            + "name, occurred_at, received_at, event, extras) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT_IDENTITY = "INSERT INTO identities (workspace_id, kind, value, lead_id) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, kind, value) DO UPDATE SET lead_id = excluded.lead_id";
    private static final String UPSERT_LEAD = "INSERT INTO leads (workspace_id, lead_id, segment, stage, identified, "
            + "account_id, model, fit, eng_value, eng_as_of, eng_rate, first_seen, last_seen, events, updated_at, "
            + "state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, lead_id) "
            + "DO UPDATE SET segment = excluded.segment, stage = excluded.stage, identified = excluded.identified, "
            + "account_id = excluded.account_id, model = excluded.model, fit = excluded.fit, "
            + "eng_value = excluded.eng_value, eng_as_of = excluded.eng_as_of, eng_rate = excluded.eng_rate, "
            + "first_seen = excluded.first_seen, last_seen = excluded.last_seen, events = excluded.events, "
            + "updated_at = excluded.updated_at, state = excluded.state";
    /** For a lead whose indexed columns did not change: SQLite then leaves the stage and account indexes alone. */
    private static final String UPDATE_LEAD_SCORE = "UPDATE leads SET fit = ?, eng_value = ?, eng_as_of = ?, "
            + "first_seen = ?, last_seen = ?, events = ?, updated_at = ?, state = ? "
            + "WHERE workspace_id = ? AND lead_id = ?";
    private static final String UPSERT_ACCOUNT = "INSERT INTO accounts (workspace_id, account_id, group_id, domain, "
            + "segment, mqa, contacts, updated_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (workspace_id, account_id) DO UPDATE SET group_id = excluded.group_id, "
            + "domain = excluded.domain, segment = excluded.segment, mqa = excluded.mqa, "
            + "contacts = excluded.contacts, updated_at = excluded.updated_at, state = excluded.state";

    private final Connection connection;
    private final WorkspaceId workspace;
    private final Function<ModelVersion, ScoringModel> models;
    private final CellCipher cipher;
    private final Function<LeadId, LeadState> stored;
    private final Function<LeadState, String> sealed;

    /**
     * @param stored a lead as the database holds it, when known (null otherwise)
     * @param sealed a lead's state as already encoded and sealed for writing, when it was (null otherwise)
     */
    BookFlush(Connection connection, WorkspaceId workspace, Function<ModelVersion, ScoringModel> models,
            CellCipher cipher, Function<LeadId, LeadState> stored, Function<LeadState, String> sealed) {
        this.connection = connection;
        this.workspace = workspace;
        this.models = models;
        this.cipher = cipher;
        this.stored = stored;
        this.sealed = sealed;
    }

    /** A lead's state as the leads table keeps it: encoded, then sealed under the lead's address. */
    static String seal(CellCipher cipher, WorkspaceId workspace, LeadState lead, ScoringModel model) {
        return cipher.seal(LeadStateCodec.encode(lead, model), CellAddress.leadState(workspace.value(),
                lead.id().value()));
    }

    /** A hand-off ready for the outbox, at its place in the sequence (its order per lead). */
    record Queued(long seq, OutboundMessage message) {
    }

    /** A sales action ready for the log, at its place in the sequence. */
    record LoggedAction(long seq, LeadAction action) {
    }

    /** An event ready for the log. */
    record LoggedEvent(long seq, LeadId lead, Event event, String encoded, String extras) {
    }

    void write(List<LoggedEvent> events, List<LoggedAction> actions, Map<Identity, LeadId> links,
            Collection<LeadState> leads,
            Map<LeadId, LeadId> merges, Collection<AccountState> accounts, List<Transition> transitions,
            List<AccountTransition> accountTransitions, List<Queued> outbox) throws SQLException {
        writeEvents(events);
        writeActions(actions);
        writeLinks(links);
        writeMerges(merges);
        writeLeads(leads);
        writeAccounts(accounts);
        writeTransitions(transitions);
        writeAccountTransitions(accountTransitions);
        writeOutbox(outbox);
    }

    private void writeOutbox(List<Queued> outbox) throws SQLException {
        if (outbox.isEmpty()) {
            return;
        }
        // ON CONFLICT: the same move planned twice (a retried group) is one message, as its id says.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (message_id, seq, "
                + "workspace_id, destination_id, subject, type, at, data, status, attempts, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?) ON CONFLICT (message_id) DO NOTHING")) {
            for (Queued queued : outbox) {
                OutboundMessage message = queued.message();
                insert.setString(1, message.id());
                insert.setLong(2, queued.seq());
                insert.setString(3, workspace.value());
                insert.setString(4, message.destination().value());
                insert.setString(5, message.subject());
                insert.setString(6, message.type().wireName());
                insert.setLong(7, message.at().toEpochMilli());
                insert.setString(8, cipher.seal(HandOffCodec.encode(message.data()),
                        CellAddress.outboxData(workspace.value(), message.id())));
                insert.setLong(9, message.at().toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void writeEvents(List<LoggedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
            for (LoggedEvent logged : events) {
                Event event = logged.event();
                insert.setLong(1, logged.seq());
                insert.setString(2, workspace.value());
                insert.setString(3, event.messageId().value());
                insert.setString(4, logged.lead().value());
                insert.setString(5, event.kind().wireName());
                // An event's name can describe care ("Detox Page Viewed"): it is kept only inside the sealed event
                insert.setString(6, "");
                insert.setLong(7, event.timestamp().toEpochMilli());
                insert.setLong(8, event.header().receivedAt().toEpochMilli());
                insert.setString(9, logged.encoded());
                insert.setString(10, logged.extras());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void writeActions(List<LoggedAction> actions) throws SQLException {
        if (actions.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lead_actions (seq, workspace_id, "
                + "lead_id, action, actor, at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (LoggedAction logged : actions) {
                LeadAction action = logged.action();
                insert.setLong(1, logged.seq());
                insert.setString(2, workspace.value());
                insert.setString(3, action.lead().value());
                insert.setString(4, cipher.seal(LeadActionCodec.encode(action.action()),
                        CellAddress.leadAction(workspace.value(), logged.seq())));
                insert.setString(5, action.actor().describe());
                insert.setLong(6, action.at().toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void writeLinks(Map<Identity, LeadId> links) throws SQLException {
        if (links.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_IDENTITY)) {
            for (Map.Entry<Identity, LeadId> link : links.entrySet()) {
                upsert.setString(1, workspace.value());
                upsert.setString(2, link.getKey().kind().name());
                upsert.setString(3, link.getKey().value());
                upsert.setString(4, link.getValue().value());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void writeMerges(Map<LeadId, LeadId> merges) throws SQLException {
        if (merges.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM leads WHERE workspace_id = ? AND lead_id = ?");
             PreparedStatement repoint = connection.prepareStatement(
                     "UPDATE lead_merges SET into_lead = ? WHERE workspace_id = ? AND into_lead = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO lead_merges (workspace_id, "
                     + "from_lead, into_lead) VALUES (?, ?, ?) ON CONFLICT (workspace_id, from_lead) "
                     + "DO UPDATE SET into_lead = excluded.into_lead")) {
            for (Map.Entry<LeadId, LeadId> merge : merges.entrySet()) {
                delete.setString(1, workspace.value());
                delete.setString(2, merge.getKey().value());
                delete.addBatch();
                repoint.setString(1, merge.getValue().value());
                repoint.setString(2, workspace.value());
                repoint.setString(3, merge.getKey().value());
                repoint.addBatch();
                insert.setString(1, workspace.value());
                insert.setString(2, merge.getKey().value());
                insert.setString(3, merge.getValue().value());
                insert.addBatch();
            }
            delete.executeBatch();
            repoint.executeBatch();
            insert.executeBatch();
        }
    }

    private void writeLeads(Collection<LeadState> leads) throws SQLException {
        if (leads.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_LEAD);
             PreparedStatement update = connection.prepareStatement(UPDATE_LEAD_SCORE)) {
            boolean upserts = false;
            boolean updates = false;
            for (LeadState lead : leads) {
                ScoringModel model = models.apply(lead.model());
                String state = sealed.apply(lead);
                if (state == null) {
                    state = seal(cipher, workspace, lead, model);
                }
                if (sameIndexedColumns(stored.apply(lead.id()), lead)) {
                    bindScore(update, lead, state);
                    update.addBatch();
                    updates = true;
                } else {
                    bindAll(upsert, lead, model, state);
                    upsert.addBatch();
                    upserts = true;
                }
            }
            if (upserts) {
                upsert.executeBatch();
            }
            if (updates) {
                update.executeBatch();
            }
        }
    }

    private static boolean sameIndexedColumns(LeadState before, LeadState after) {
        return before != null && before.segment() == after.segment() && before.stage() == after.stage()
                && before.identified() == after.identified() && before.account().equals(after.account())
                && before.model().equals(after.model());
    }

    private void bindScore(PreparedStatement update, LeadState lead, String state) throws SQLException {
        update.setDouble(1, lead.score().fit());
        update.setDouble(2, lead.score().engagement().value());
        update.setLong(3, lead.score().engagement().asOfMillis());
        update.setLong(4, lead.firstSeen().toEpochMilli());
        update.setLong(5, lead.lastSeen().toEpochMilli());
        update.setLong(6, lead.events());
        update.setLong(7, lead.updatedAt().toEpochMilli());
        update.setString(8, state);
        update.setString(9, workspace.value());
        update.setString(10, lead.id().value());
    }

    private void bindAll(PreparedStatement upsert, LeadState lead, ScoringModel model, String state)
            throws SQLException {
        upsert.setString(1, workspace.value());
        upsert.setString(2, lead.id().value());
        upsert.setString(3, lead.segment().wireName());
        upsert.setString(4, lead.stage().wireName());
        upsert.setInt(5, lead.identified() ? 1 : 0);
        if (lead.account().isPresent()) {
            upsert.setString(6, lead.account().get().value());
        } else {
            upsert.setNull(6, Types.VARCHAR);
        }
        upsert.setString(7, lead.model().toString());
        upsert.setDouble(8, lead.score().fit());
        upsert.setDouble(9, lead.score().engagement().value());
        upsert.setLong(10, lead.score().engagement().asOfMillis());
        upsert.setDouble(11, model.decay().ratePerSecond());
        upsert.setLong(12, lead.firstSeen().toEpochMilli());
        upsert.setLong(13, lead.lastSeen().toEpochMilli());
        upsert.setLong(14, lead.events());
        upsert.setLong(15, lead.updatedAt().toEpochMilli());
        upsert.setString(16, state);
    }

    private void writeAccounts(Collection<AccountState> accounts) throws SQLException {
        if (accounts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ACCOUNT)) {
            for (AccountState account : accounts) {
                upsert.setString(1, workspace.value());
                upsert.setString(2, account.id().value());
                upsert.setString(3, account.groupId().orElse(null));
                upsert.setString(4, account.domain().orElse(null));
                upsert.setString(5, account.segment().wireName());
                upsert.setInt(6, account.mqa() ? 1 : 0);
                upsert.setInt(7, account.contacts());
                upsert.setLong(8, account.updatedAt().toEpochMilli());
                upsert.setString(9, AccountStateCodec.encode(account));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void writeTransitions(List<Transition> transitions) throws SQLException {
        if (transitions.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO transitions (workspace_id, lead_id, "
                + "from_stage, to_stage, at, cause, actor) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Transition transition : transitions) {
                insert.setString(1, workspace.value());
                insert.setString(2, transition.lead().value());
                insert.setString(3, transition.from().wireName());
                insert.setString(4, transition.to().wireName());
                insert.setLong(5, transition.at().toEpochMilli());
                insert.setString(6, transition.cause());
                insert.setString(7, transition.actor().describe());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void writeAccountTransitions(List<AccountTransition> transitions) throws SQLException {
        if (transitions.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO account_transitions (workspace_id, "
                + "account_id, mqa, at, cause, actor) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (AccountTransition transition : transitions) {
                insert.setString(1, workspace.value());
                insert.setString(2, transition.account().value());
                insert.setInt(3, transition.mqa() ? 1 : 0);
                insert.setLong(4, transition.at().toEpochMilli());
                insert.setString(5, transition.cause());
                insert.setString(6, transition.actor().describe());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
