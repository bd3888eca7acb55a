package io.attune.store.sla;

import io.attune.core.identity.LeadId;
import io.attune.core.sla.SlaTimer;
import io.attune.core.workspace.WorkspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * The writer's changes to SLA timers, in the transaction of the move that causes them: a timer
 * opens when a lead becomes an MQL and closes when it moves on (met if in time, breached if late).
 */
public final class SlaTimerWrites {
    private final Connection connection;

    public SlaTimerWrites(Connection connection) {
        this.connection = connection;
    }

    /** Opens the timer of one qualification; a retried write of the same move changes nothing. */
    public void open(WorkspaceId workspace, LeadId lead, Instant qualifiedAt, Instant dueAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sla_timers (workspace_id, lead_id, "
                + "qualified_at, due_at, status) VALUES (?, ?, ?, ?, 'open') "
                + "ON CONFLICT (workspace_id, lead_id, qualified_at) DO NOTHING")) {
            insert.setString(1, workspace.value());
            insert.setString(2, lead.value());
            insert.setLong(3, qualifiedAt.toEpochMilli());
            insert.setLong(4, dueAt.toEpochMilli());
            insert.executeUpdate();
        }
    }

    /**
     * Closes the lead's running timer at {@code at}: met when sales answered by the due time; breached
     * (at the due time) when the answer came later but before the watcher escalated it.
     */
    public void close(WorkspaceId workspace, LeadId lead, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sla_timers SET "
                + "status = CASE WHEN status = 'open' AND due_at >= ? THEN 'met' "
                + "WHEN status = 'open' THEN 'breached' ELSE status END, "
                + "breached_at = CASE WHEN status = 'open' AND due_at < ? THEN due_at ELSE breached_at END, "
                + "closed_at = ? WHERE workspace_id = ? AND lead_id = ? AND closed_at IS NULL "
                + "AND status IN ('open', 'breached')")) {
            long millis = at.toEpochMilli();
            update.setLong(1, millis);
            update.setLong(2, millis);
            update.setLong(3, millis);
            update.setString(4, workspace.value());
            update.setString(5, lead.value());
            update.executeUpdate();
        }
    }

    /**
     * Voids the lead's open timer at {@code at}: the lead went into crisis hold, and no one in sales is
     * to answer it (CRISIS-04).
     */
    public void voidOpen(WorkspaceId workspace, LeadId lead, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sla_timers SET status = 'void', "
                + "closed_at = ? WHERE workspace_id = ? AND lead_id = ? AND closed_at IS NULL AND status = 'open'")) {
            update.setLong(1, at.toEpochMilli());
            update.setString(2, workspace.value());
            update.setString(3, lead.value());
            update.executeUpdate();
        }
    }

    /**
     * Settles an open timer the watcher found overdue: breached (still waiting for sales) or void
     * (the lead is no longer an MQL waiting: merged away). False if it was not open any more.
     */
    public boolean settle(WorkspaceId workspace, SlaTimer timer, SlaTimer.Status status, Optional<Instant> closedAt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sla_timers SET status = ?, "
                + "breached_at = ?, closed_at = ? WHERE workspace_id = ? AND lead_id = ? AND qualified_at = ? "
                + "AND status = 'open'")) {
            update.setString(1, status.wireName());
            if (status == SlaTimer.Status.BREACHED) {
                update.setLong(2, timer.dueAt().toEpochMilli());
            } else {
                update.setNull(2, Types.BIGINT);
            }
            if (closedAt.isPresent()) {
                update.setLong(3, closedAt.get().toEpochMilli());
            } else {
                update.setNull(3, Types.BIGINT);
            }
            update.setString(4, workspace.value());
            update.setString(5, timer.lead().value());
            update.setLong(6, timer.qualifiedAt().toEpochMilli());
            return update.executeUpdate() == 1;
        }
    }
}
