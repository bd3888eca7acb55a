package io.attune.core.rights;

import io.attune.core.handoff.DestinationId;
import java.util.List;

/** How an extension, confirmation or waiver of a request ended. */
public sealed interface RequestChange permits RequestChange.Changed, RequestChange.NotFound,
        RequestChange.NotARecipient, RequestChange.Refused {

    /** Recorded; the request as it is now. */
    record Changed(RightsRequest request) implements RequestChange {
    }

    /** No request has this id in the workspace. */
    record NotFound() implements RequestChange {
    }

    /** The destination named was not asked to delete for this request; {@code recipients} were. */
    record NotARecipient(List<DestinationId> recipients) implements RequestChange {
        public NotARecipient {
            recipients = List.copyOf(recipients);
        }
    }

    /** The change is not allowed now, for {@code reason}. */
    record Refused(String reason) implements RequestChange {
    }
}
