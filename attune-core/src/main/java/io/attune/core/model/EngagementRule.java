package io.attune.core.model;

import io.attune.core.condition.Condition;
import io.attune.core.event.EventKind;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Points for something the lead did: an event of {@code kind}, with one of {@code names} (any name
 * when empty), for which {@code when} holds. Negative points are allowed (careers page, unsubscribe).
 * A {@code cap} limits how often the rule scores in a sliding window; {@code maxPoints} bounds the
 * rule's current (decayed) value.
 */
public record EngagementRule(
        RuleId id, String description, EventKind kind, Set<String> names, Condition when, double points,
        Optional<Cap> cap, OptionalDouble maxPoints) {

    public EngagementRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(maxPoints, "maxPoints");
        description = description == null ? "" : description;
        names = Set.copyOf(names);
        ModelChecks.finite(points, "points");
        if (points == 0) {
            throw new IllegalArgumentException("points must not be zero");
        }
        if (maxPoints.isPresent()) {
            ModelChecks.finite(maxPoints.getAsDouble(), "maxPoints");
            if (maxPoints.getAsDouble() <= 0 || points < 0) {
                throw new IllegalArgumentException("maxPoints must be positive and only applies to positive rules");
            }
        }
    }
}
