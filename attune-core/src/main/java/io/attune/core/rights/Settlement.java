package io.attune.core.rights;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** How a recipient's part of a deletion ended: it confirmed the deletion, or an admin said why it cannot. */
public sealed interface Settlement permits Settlement.Confirmed, Settlement.Waived {
    int MAX_REFERENCE = 200;
    int MAX_REASON = 500;

    Instant at();

    /** Who recorded it (an API key, a user), as {@code Actor#describe()} writes it. */
    String recordedBy();

    /** The recipient confirmed it deleted the person; {@code reference} is its own record of that, e.g. a ticket id. */
    record Confirmed(Instant at, String recordedBy, Optional<String> reference) implements Settlement {
        public Confirmed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(recordedBy, "recordedBy");
            Objects.requireNonNull(reference, "reference");
            reference.ifPresent(text -> Text.check(text, "reference", MAX_REFERENCE));
        }
    }

    /** No confirmation can come (the destination no longer exists, say), for {@code reason}. */
    record Waived(Instant at, String recordedBy, String reason) implements Settlement {
        public Waived {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(recordedBy, "recordedBy");
            Text.check(reason, "reason", MAX_REASON);
        }
    }
}
