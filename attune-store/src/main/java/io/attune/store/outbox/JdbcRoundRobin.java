package io.attune.store.outbox;

import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.Pool;
import io.attune.core.handoff.RoundRobin;
import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.ingest.StoreFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Round-robin pools in the writer's transaction: a turn taken and a lead assigned are committed or
 * rolled back with the move they route, so a failed write that is retried takes the same turn.
 */
public final class JdbcRoundRobin implements RoundRobin {
    private final Connection connection;

    public JdbcRoundRobin(Connection connection) {
        this.connection = connection;
    }

    @Override
    public int next(WorkspaceId workspace, Pool pool, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a turn is taken among at least one destination");
        }
        // The upsert locks the pool's row until the commit, so two writers never take the same turn.
        try (PreparedStatement take = connection.prepareStatement("INSERT INTO pool_turns (workspace_id, pool, "
                + "turns) VALUES (?, ?, 1) ON CONFLICT (workspace_id, pool) DO UPDATE SET turns = pool_turns.turns + 1 "
                + "RETURNING turns")) {
            take.setString(1, workspace.value());
            take.setString(2, pool.value());
            try (ResultSet rows = take.executeQuery()) {
                rows.next();
                return (int) ((rows.getLong(1) - 1) % size);
            }
        } catch (SQLException e) {
            throw new StoreFailure("taking a turn of pool " + pool + " failed", e);
        }
    }

    @Override
    public Optional<DestinationId> assignee(WorkspaceId workspace, Pool pool, LeadId lead) {
        try (PreparedStatement select = connection.prepareStatement("SELECT destination_id FROM pool_assignments "
                + "WHERE workspace_id = ? AND pool = ? AND lead_id = ?")) {
            select.setString(1, workspace.value());
            select.setString(2, pool.value());
            select.setString(3, lead.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new DestinationId(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreFailure("reading the assignment of pool " + pool + " failed", e);
        }
    }

    @Override
    public void assign(WorkspaceId workspace, Pool pool, LeadId lead, DestinationId destination) {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO pool_assignments (workspace_id, "
                + "pool, lead_id, destination_id) VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, pool, lead_id) "
                + "DO UPDATE SET destination_id = excluded.destination_id")) {
            upsert.setString(1, workspace.value());
            upsert.setString(2, pool.value());
            upsert.setString(3, lead.value());
            upsert.setString(4, destination.value());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailure("assigning a lead in pool " + pool + " failed", e);
        }
    }
}
