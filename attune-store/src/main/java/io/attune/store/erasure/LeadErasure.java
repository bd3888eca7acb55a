package io.attune.store.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.account.AccountState;
import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.erasure.DeletionNotices;
import io.attune.core.erasure.Erasure;
import io.attune.core.erasure.ErasureRequest;
import io.attune.core.erasure.Tombstone;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.audit.JdbcAuditLog;
import io.attune.store.codec.AccountStateCodec;
import io.attune.store.codec.HandOffCodec;
import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.CellCipher;
import io.attune.store.privacy.JdbcPrivacyClassifications;
import io.attune.store.rights.JdbcRightsRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Erases one person in the caller's transaction: the lead and every lead merged into it — events,
 * identities, lead rows, merges, consents, transitions, sales actions, SLA timers, outcomes, pool
 * assignments, the hand-offs about them (pending ones are thereby never sent) and their attempts —
 * and takes the person out of their account's contact count (the rollup stays). Kept, as the record of
 * what flowed: egress decisions and audit entries, which hold ids, field names and rule ids only.
 *
 * <p>In the same transaction it writes a tombstone per erased id, a {@code lead.deleted} request for
 * every destination that received something about them ({@link DeletionNotices}), and a
 * {@code subject.erased} audit entry, and opens the deletion request (USE-06) whose recipients are
 * those destinations, to be closed as they confirm. Run by the single writer, alone in its transaction, so no event
 * for the same person can interleave.
 */
public final class LeadErasure {
    /** A lead was erased at a data-subject request (counts and destinations; never a value). */
    public static final AuditAction SUBJECT_ERASED = new AuditAction("subject.erased");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CellCipher cipher;

    public LeadErasure(CellCipher cipher) {
        this.cipher = cipher;
    }

    public Erasure erase(Connection connection, WorkspaceId workspace, ErasureRequest request, LongSupplier sequence)
            throws SQLException {
        Optional<Tombstone> erased = JdbcTombstones.find(connection, workspace, request.lead());
        if (erased.isPresent()) {
            return new Erasure.AlreadyErased(erased.get());
        }
        Optional<LeadId> survivor = survivor(connection, workspace, request.lead());
        if (survivor.isEmpty()) {
            return new Erasure.NotFound();
        }
        Rows rows = new Rows(connection, workspace);
        List<String> leads = sources(rows, survivor.get());
        List<DeletionNotices.Received> received = received(rows, workspace, leads);
        Optional<String> account = rows.text("SELECT account_id FROM leads WHERE workspace_id = ? AND lead_id = ?",
                survivor.get().value());
        Map<String, Integer> counts = delete(rows, leads);
        if (account.isPresent()) {
            leaveAccount(rows, account.get());
        }
        // The workspace's own dictionary decides which received fields a deletion request names again.
        DeletionNotices notices = new DeletionNotices(JdbcPrivacyClassifications.read(connection, workspace)
                .dataDictionary());
        List<OutboundMessage> requests = notices.plan(workspace, received, request.at());
        for (OutboundMessage message : requests) {
            rows.execute("INSERT INTO outbox (message_id, seq, workspace_id, destination_id, subject, type, at, data, "
                    + "status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)",
                    List.of(message.id(), sequence.getAsLong(), workspace.value(), message.destination().value(),
                            message.subject(), message.type().wireName(), message.at().toEpochMilli(),
                            cipher.seal(HandOffCodec.encode(message.data()),
                                    CellAddress.outboxData(workspace.value(), message.id())),
                            message.at().toEpochMilli()));
        }
        List<DestinationId> notified = requests.stream().map(OutboundMessage::destination).distinct().toList();
        Tombstone tombstone = new Tombstone(survivor.get(), request.at(), request.requestedBy(),
                request.recordedBy().describe(), request.reason(), counts, notified);
        for (String lead : leads) {
            JdbcTombstones.insert(connection, workspace, new Tombstone(new LeadId(lead), tombstone.erasedAt(),
                    tombstone.requestedBy(), tombstone.recordedBy(), tombstone.reason(), counts, notified));
        }
        JdbcAuditLog.appendIn(connection, List.of(AuditRecord.of(workspace, request.at(), request.recordedBy(),
                SUBJECT_ERASED, AuditSubject.lead(survivor.get()), details(leads, counts, notified))));
        JdbcRightsRequests.openDeletionIn(connection, workspace, survivor.get(), request.requestedBy(),
                request.recordedBy(), request.at(), request.deadline(), requests);
        return new Erasure.Erased(tombstone, leads.stream().map(LeadId::new).toList());
    }

    private static Optional<LeadId> survivor(Connection connection, WorkspaceId workspace, LeadId asked)
            throws SQLException {
        Rows rows = new Rows(connection, workspace);
        if (rows.text("SELECT lead_id FROM leads WHERE workspace_id = ? AND lead_id = ?", asked.value()).isPresent()) {
            return Optional.of(asked);
        }
        return rows.text("SELECT into_lead FROM lead_merges WHERE workspace_id = ? AND from_lead = ?", asked.value())
                .map(LeadId::new);
    }

    /** The survivor first, then every lead merged into it, directly or through another merge. */
    private static List<String> sources(Rows rows, LeadId survivor) throws SQLException {
        Set<String> found = new LinkedHashSet<>();
        List<String> frontier = new ArrayList<>(List.of(survivor.value()));
        while (!frontier.isEmpty()) {
            String next = frontier.remove(0);
            if (found.add(next)) {
                frontier.addAll(rows.texts("SELECT from_lead FROM lead_merges WHERE workspace_id = ? AND into_lead = ? "
                        + "ORDER BY from_lead", List.of(next)));
            }
        }
        return List.copyOf(found);
    }

    /** The hand-offs about these leads that left: an egress decision sent or redacted, or a delivered attempt. */
    private List<DeletionNotices.Received> received(Rows rows, WorkspaceId workspace, List<String> leads)
            throws SQLException {
        List<DeletionNotices.Received> received = new ArrayList<>();
        String sql = "SELECT o.message_id, o.destination_id, o.subject, o.data FROM outbox o WHERE o.workspace_id = ? "
                + "AND o.subject IN (" + placeholders(leads.size()) + ") AND (EXISTS (SELECT 1 FROM egress_decisions e "
                + "WHERE e.workspace_id = o.workspace_id AND e.message_id = o.message_id "
                + "AND e.outcome IN ('sent', 'redacted')) OR EXISTS (SELECT 1 FROM delivery_attempts a "
                + "WHERE a.message_id = o.message_id AND a.outcome = 'delivered')) ORDER BY o.seq";
        try (PreparedStatement select = rows.prepare(sql, leads); ResultSet found = select.executeQuery()) {
            while (found.next()) {
                received.add(new DeletionNotices.Received(new DestinationId(found.getString(2)), found.getString(3),
                        HandOffCodec.decode(cipher.open(found.getString(4),
                                CellAddress.outboxData(workspace.value(), found.getString(1)))),
                        removed(rows, found.getString(1))));
            }
        }
        return received;
    }

    /** The fields the last decision that let the message leave removed from it. */
    private static Set<String> removed(Rows rows, String message) throws SQLException {
        Optional<String> redactions = rows.text("SELECT redactions FROM egress_decisions WHERE workspace_id = ? "
                + "AND message_id = ? AND outcome IN ('sent', 'redacted') ORDER BY id DESC", message);
        Set<String> removed = new HashSet<>();
        if (redactions.isPresent()) {
            try {
                for (JsonNode redaction : JSON.readTree(redactions.get())) {
                    if ("removed".equals(redaction.path("treatment").asText())) {
                        removed.add(redaction.path("field").asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("stored redactions are not JSON", e);
            }
        }
        return removed;
    }

    /** Deletes every row about these leads; answers how many of each kind went. */
    private static Map<String, Integer> delete(Rows rows, List<String> leads) throws SQLException {
        String in = "(" + placeholders(leads.size()) + ")";
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("events", rows.update("DELETE FROM events WHERE workspace_id = ? AND lead_id IN " + in, leads));
        counts.put("identities", rows.update("DELETE FROM identities WHERE workspace_id = ? AND lead_id IN " + in,
                leads));
        counts.put("consents", rows.update("DELETE FROM consents WHERE workspace_id = ? AND lead_id IN " + in, leads));
        counts.put("transitions", rows.update("DELETE FROM transitions WHERE workspace_id = ? AND lead_id IN " + in,
                leads));
        counts.put("leadActions", rows.update("DELETE FROM lead_actions WHERE workspace_id = ? AND lead_id IN " + in,
                leads));
        counts.put("slaTimers", rows.update("DELETE FROM sla_timers WHERE workspace_id = ? AND lead_id IN " + in,
                leads));
        counts.put("outcomes", rows.update("DELETE FROM outcomes WHERE workspace_id = ? AND lead_id IN " + in, leads));
        counts.put("poolAssignments", rows.update("DELETE FROM pool_assignments WHERE workspace_id = ? AND lead_id IN "
                + in, leads));
        counts.put("deliveryAttempts", rows.update("DELETE FROM delivery_attempts WHERE message_id IN (SELECT "
                + "message_id FROM outbox WHERE workspace_id = ? AND subject IN " + in + ")", leads));
        counts.put("pendingHandOffs", rows.count("SELECT COUNT(*) FROM outbox WHERE workspace_id = ? AND status = "
                + "'pending' AND subject IN " + in, leads));
        counts.put("handOffs", rows.update("DELETE FROM outbox WHERE workspace_id = ? AND subject IN " + in, leads));
        List<String> twice = new ArrayList<>(leads);
        twice.addAll(leads);
        counts.put("merges", rows.update("DELETE FROM lead_merges WHERE workspace_id = ? AND (from_lead IN " + in
                + " OR into_lead IN " + in + ")", twice));
        counts.put("leads", rows.update("DELETE FROM leads WHERE workspace_id = ? AND lead_id IN " + in, leads));
        return counts;
    }

    /** The account keeps its rollup (engagement, committee, fit) and counts one contact fewer. */
    private static void leaveAccount(Rows rows, String account) throws SQLException {
        Optional<String> state = rows.text("SELECT state FROM accounts WHERE workspace_id = ? AND account_id = ?",
                account);
        if (state.isEmpty()) {
            return;
        }
        AccountState was = AccountStateCodec.decode(state.get());
        AccountState now = was.withContacts(Math.max(0, was.contacts() - 1));
        rows.execute("UPDATE accounts SET contacts = ?, state = ? WHERE workspace_id = ? AND account_id = ?",
                List.of(now.contacts(), AccountStateCodec.encode(now), rows.workspace.value(), account));
    }

    private static AuditDetails details(List<String> leads, Map<String, Integer> counts, List<DestinationId> notified) {
        AuditDetails details = AuditDetails.of("leads", leads);
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            details = details.and(count.getKey(), Integer.toString(count.getValue()));
        }
        return details.and("notified", notified.stream().map(DestinationId::value).toList());
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Statements scoped to one workspace: its id is the first parameter of those that take a list. */
    private static final class Rows {
        private final Connection connection;
        private final WorkspaceId workspace;

        Rows(Connection connection, WorkspaceId workspace) {
            this.connection = connection;
            this.workspace = workspace;
        }

        PreparedStatement prepare(String sql, List<String> values) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setString(1, workspace.value());
            for (int i = 0; i < values.size(); i++) {
                statement.setString(i + 2, values.get(i));
            }
            return statement;
        }

        Optional<String> text(String sql, String value) throws SQLException {
            List<String> found = texts(sql, List.of(value));
            return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
        }

        List<String> texts(String sql, List<String> values) throws SQLException {
            List<String> found = new ArrayList<>();
            try (PreparedStatement select = prepare(sql, values); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }

        int count(String sql, List<String> values) throws SQLException {
            try (PreparedStatement select = prepare(sql, values); ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }

        int update(String sql, List<String> values) throws SQLException {
            try (PreparedStatement update = prepare(sql, values)) {
                return update.executeUpdate();
            }
        }

        /** A statement with all of its parameters given. */
        int execute(String sql, List<?> parameters) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    update.setObject(i + 1, parameters.get(i));
                }
                return update.executeUpdate();
            }
        }
    }
}
