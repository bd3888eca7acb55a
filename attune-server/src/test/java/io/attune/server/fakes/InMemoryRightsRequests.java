package io.attune.server.fakes;

import io.attune.core.handoff.DestinationId;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.query.Page;
import io.attune.core.rights.Deadline;
import io.attune.core.rights.Extension;
import io.attune.core.rights.RequestChange;
import io.attune.core.rights.RequestId;
import io.attune.core.rights.RequestKind;
import io.attune.core.rights.RequestStatus;
import io.attune.core.rights.RightsRequest;
import io.attune.core.rights.RightsRequests;
import io.attune.core.rights.Settlement;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rights requests in memory, in the order recorded, for the fakes' app: only requests fulfilled at
 * once (access, withdrawal) arise without a store's erasure, so none has recipients to settle.
 */
public final class InMemoryRightsRequests implements RightsRequests {
    private final Map<WorkspaceId, List<RightsRequest>> requests = new ConcurrentHashMap<>();

    @Override
    public synchronized RightsRequest recordFulfilled(WorkspaceId workspace, LeadId lead, RequestKind kind,
            String requestedBy, Actor recordedBy, Instant at, Deadline deadline) {
        List<RightsRequest> kept = requests.computeIfAbsent(workspace, key -> new ArrayList<>());
        RightsRequest request = new RightsRequest(new RequestId(String.format("sr_%024x", kept.size() + 1)), lead,
                kind, requestedBy, recordedBy.describe(), at, deadline, Optional.empty(), Optional.of(at), List.of());
        kept.add(request);
        return request;
    }

    @Override
    public synchronized Optional<RightsRequest> find(WorkspaceId workspace, RequestId id) {
        return requests.getOrDefault(workspace, List.of()).stream().filter(request -> request.id().equals(id))
                .findFirst();
    }

    @Override
    public synchronized Page<RightsRequest> list(WorkspaceId workspace, Optional<RequestStatus> status, Instant now,
            Optional<String> cursor, int limit) {
        Optional<String> after = KeysetCursor.lastId(cursor);
        List<RightsRequest> matching = requests.getOrDefault(workspace, List.of()).stream()
                .filter(request -> status.isEmpty() || request.status(now) == status.get())
                .filter(request -> after.isEmpty() || request.id().value().compareTo(after.get()) > 0).toList();
        List<RightsRequest> page = matching.subList(0, Math.min(limit, matching.size()));
        return new Page<>(page, matching.size() > limit
                ? Optional.of(KeysetCursor.after(page.get(limit - 1).id().value())) : Optional.empty());
    }

    @Override
    public synchronized RequestChange extend(WorkspaceId workspace, RequestId id, Extension extension) {
        return find(workspace, id).<RequestChange>map(request -> request.refusesExtension(extension)
                .<RequestChange>map(RequestChange.Refused::new).orElseGet(() -> {
                    RightsRequest extended = new RightsRequest(request.id(), request.lead(), request.kind(),
                            request.requestedBy(), request.recordedBy(), request.received(), request.deadline(),
                            Optional.of(extension), request.closed(), request.recipients());
                    List<RightsRequest> kept = requests.get(workspace);
                    kept.set(kept.indexOf(request), extended);
                    return new RequestChange.Changed(extended);
                })).orElseGet(RequestChange.NotFound::new);
    }

    @Override
    public synchronized RequestChange settle(WorkspaceId workspace, RequestId id, DestinationId destination,
            Settlement settlement) {
        return find(workspace, id).<RequestChange>map(request -> new RequestChange.NotARecipient(List.of()))
                .orElseGet(RequestChange.NotFound::new);
    }
}
