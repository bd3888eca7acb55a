package io.attune.store.ingest;

import io.attune.core.handoff.HandOffType;
import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Stops a held lead's outreach (CRISIS-04): its pending hand-offs, those written earlier and those
 * of the same group, end {@code blocked} with the reason, are never sent and cannot be replayed. The
 * clinical alert ({@code lead.crisis_hold}) is the one that still goes.
 */
final class HeldOutreach {
    private HeldOutreach() {
    }

    /** A lead put in crisis hold, and the cause recorded for it. */
    record Held(WorkspaceId workspace, LeadId lead, String cause) {
    }

    static void suppress(Connection connection, List<Held> held) throws SQLException {
        if (held.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET status = 'blocked', "
                + "last_error = ? WHERE workspace_id = ? AND subject = ? AND status = 'pending' AND type <> ?")) {
            for (Held lead : held) {
                update.setString(1, "suppressed: the lead is in crisis hold (" + lead.cause() + ")");
                update.setString(2, lead.workspace().value());
                update.setString(3, lead.lead().value());
                update.setString(4, HandOffType.LEAD_CRISIS_HOLD.wireName());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
