package io.attune.core.erasure;

import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.rights.Deadline;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to erase everything held about one person: the lead id (a merged-away id names its
 * survivor), who asked for it ({@code requestedBy}, e.g. the privacy officer's user id), why, who
 * recorded it (the API key or the command), when, and the statutory deadline of the deletion request it
 * fulfils (USE-06), which the erasure opens. {@code requestedBy} and {@code reason} are kept in the
 * tombstone, so they name staff and a ground, never the person.
 */
public record ErasureRequest(LeadId lead, String requestedBy, String reason, Actor recordedBy, Instant at,
        Deadline deadline) {
    public static final int MAX_REQUESTED_BY = 200;
    public static final int MAX_REASON = 500;

    public ErasureRequest {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(deadline, "deadline");
        requestedBy = text(requestedBy, "requestedBy", MAX_REQUESTED_BY);
        reason = text(reason, "reason", MAX_REASON);
    }

    private static String text(String value, String name, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new IllegalArgumentException(name + " must be text of 1-" + max + " characters");
        }
        return value.strip();
    }
}
