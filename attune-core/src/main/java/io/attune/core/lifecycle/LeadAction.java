package io.attune.core.lifecycle;

import io.attune.core.identity.LeadId;
import java.time.Instant;
import java.util.Objects;

/** One sales action on one lead, by whom and when; kept in an append-only log beside the events. */
public record LeadAction(LeadId lead, SalesAction action, Actor actor, Instant at) {
    public LeadAction {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
