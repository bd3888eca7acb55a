package io.attune.server.fakes;

import io.attune.core.handoff.ConfiguredDestination;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.Destinations;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link Destinations} in memory, a map per workspace kept in id order. Like the real store it keeps
 * the secrets as they are given, newest first. Thread-safe, since the server calls it from request threads.
 */
public final class InMemoryDestinations implements Destinations {
    private final Map<WorkspaceId, Map<DestinationId, ConfiguredDestination>> workspaces = new HashMap<>();

    @Override
    public synchronized List<Destination> destinations(WorkspaceId workspace) {
        return of(workspace).values().stream().map(ConfiguredDestination::destination).toList();
    }

    @Override
    public synchronized Optional<ConfiguredDestination> configured(WorkspaceId workspace, DestinationId id) {
        return Optional.ofNullable(of(workspace).get(id));
    }

    @Override
    public synchronized void save(WorkspaceId workspace, Destination destination, List<String> secrets, Instant at) {
        workspaces.computeIfAbsent(workspace, w -> new TreeMap<>(Comparator.comparing(DestinationId::value))).put(
                destination.id(), new ConfiguredDestination(destination, secrets));
    }

    @Override
    public synchronized boolean delete(WorkspaceId workspace, DestinationId id) {
        return of(workspace).remove(id) != null;
    }

    private Map<DestinationId, ConfiguredDestination> of(WorkspaceId workspace) {
        return workspaces.getOrDefault(workspace, Collections.emptyMap());
    }
}
