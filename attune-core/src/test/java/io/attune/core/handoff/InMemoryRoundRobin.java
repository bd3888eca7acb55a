package io.attune.core.handoff;

import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link RoundRobin} in maps, for planning in tests without a store. */
final class InMemoryRoundRobin implements RoundRobin {
    private record Key(WorkspaceId workspace, Pool pool) {
    }

    private final Map<Key, Long> turns = new HashMap<>();
    private final Map<Key, Map<LeadId, DestinationId>> assignments = new HashMap<>();

    @Override
    public int next(WorkspaceId workspace, Pool pool, int size) {
        long taken = turns.merge(new Key(workspace, pool), 1L, Long::sum) - 1;
        return (int) (taken % size);
    }

    @Override
    public Optional<DestinationId> assignee(WorkspaceId workspace, Pool pool, LeadId lead) {
        return Optional.ofNullable(assignments.getOrDefault(new Key(workspace, pool), Map.of()).get(lead));
    }

    @Override
    public void assign(WorkspaceId workspace, Pool pool, LeadId lead, DestinationId destination) {
        assignments.computeIfAbsent(new Key(workspace, pool), key -> new HashMap<>()).put(lead, destination);
    }

    long turnsTaken(WorkspaceId workspace, Pool pool) {
        return turns.getOrDefault(new Key(workspace, pool), 0L);
    }
}
