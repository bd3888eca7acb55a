package io.attune.core.erasure;

import io.attune.core.handoff.DestinationId;
import io.attune.core.identity.LeadId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What is kept of an erased lead: its id, when, who asked and who recorded it, why, how many rows of
 * each kind were erased ({@code erased}: table name to count) and the destinations a deletion request
 * was written for. Nothing about the person.
 */
public record Tombstone(LeadId lead, Instant erasedAt, String requestedBy, String recordedBy, String reason,
        Map<String, Integer> erased, List<DestinationId> notified) {

    public Tombstone {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(erasedAt, "erasedAt");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(reason, "reason");
        erased = java.util.Collections.unmodifiableMap(new TreeMap<>(erased));
        notified = List.copyOf(notified);
    }
}
