package io.attune.core.handoff;

import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import java.util.Optional;

/**
 * The turns of a workspace's round-robin pools, and which destination of a pool has each lead.
 * The store keeps both in the transaction of the move being routed, so a rolled-back write takes
 * no turn and a restart continues the rotation where it was.
 */
public interface RoundRobin {

    /**
     * Takes the pool's next turn among {@code size} destinations: the number of turns the pool has
     * taken so far, modulo {@code size} (so 0, 1, … {@code size - 1}, 0 … while the size stays).
     */
    int next(WorkspaceId workspace, Pool pool, int size);

    /** The destination of the pool that was given this lead, if one was. */
    Optional<DestinationId> assignee(WorkspaceId workspace, Pool pool, LeadId lead);

    /** Gives the lead to this destination of the pool, in place of any earlier one. */
    void assign(WorkspaceId workspace, Pool pool, LeadId lead, DestinationId destination);
}
