package io.attune.core.handoff;

import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where each workspace hands its leads over, with the secrets that sign what is sent there. */
public interface Destinations {

    /** A workspace's destinations, by id. */
    List<Destination> destinations(WorkspaceId workspace);

    Optional<ConfiguredDestination> configured(WorkspaceId workspace, DestinationId id);

    /** Adds or replaces a destination; {@code secrets} newest first. */
    void save(WorkspaceId workspace, Destination destination, List<String> secrets, Instant at);

    /** False when there was no such destination. */
    boolean delete(WorkspaceId workspace, DestinationId id);
}
