package io.attune.core.lifecycle;

import io.attune.core.identity.LeadId;
import java.time.Instant;
import java.util.Objects;

/** One recorded move of a lead between stages, with its cause, time and actor. */
public record Transition(LeadId lead, Stage from, Stage to, Instant at, String cause, Actor actor) {
    public Transition {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(actor, "actor");
    }
}
