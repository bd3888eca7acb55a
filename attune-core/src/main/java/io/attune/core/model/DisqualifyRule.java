package io.attune.core.model;

import io.attune.core.condition.Condition;
import io.attune.core.event.EventKind;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Takes a lead out of qualification (competitor, student, job seeker, spam). With a {@code kind} it
 * is checked on events of that kind; without, on the lead's attributes.
 */
public record DisqualifyRule(
        RuleId id, String description, Optional<EventKind> kind, Set<String> names, Condition when, String reason) {

    public DisqualifyRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(when, "when");
        description = description == null ? "" : description;
        names = Set.copyOf(names);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a disqualifying rule needs a reason");
        }
    }

    public boolean onAttributes() {
        return kind.isEmpty();
    }
}
