package io.attune.core.egress;

import io.attune.core.handoff.DestinationId;
import java.util.Objects;

/** Where a payload is going — which destination, of what kind, as what flow: what a consent must cover. */
public record EgressTarget(DestinationId destination, DestinationKind kind, FlowKind flow) {
    public EgressTarget {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(flow, "flow");
    }
}
