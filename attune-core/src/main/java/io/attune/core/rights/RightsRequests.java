package io.attune.core.rights;

import io.attune.core.handoff.DestinationId;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/**
 * Rights requests as records (USE-06). A deletion is opened by the erasure that fulfils it, in the
 * same transaction; an access request or a consent withdrawal is recorded closed, since it is
 * fulfilled as it is received. Every change is audited with the change.
 */
public interface RightsRequests {

    /** Records a request fulfilled at {@code at}, when it was received. */
    RightsRequest recordFulfilled(WorkspaceId workspace, LeadId lead, RequestKind kind, String requestedBy,
            Actor recordedBy, Instant at, Deadline deadline);

    Optional<RightsRequest> find(WorkspaceId workspace, RequestId id);

    /**
     * The workspace's requests in the order received, those of {@code status} at {@code now} only when
     * given; {@code cursor} is the previous page's {@code next} (one this store did not issue is an
     * IllegalArgumentException).
     */
    Page<RightsRequest> list(WorkspaceId workspace, Optional<RequestStatus> status, Instant now,
            Optional<String> cursor, int limit);

    /** Records the request's one extension, if {@link RightsRequest#refusesExtension} allows it. */
    RequestChange extend(WorkspaceId workspace, RequestId id, Extension extension);

    /**
     * Records that a recipient confirmed the deletion or was waived; the request closes when this
     * was the last recipient to settle. A recipient settles once.
     */
    RequestChange settle(WorkspaceId workspace, RequestId id, DestinationId destination, Settlement settlement);
}
