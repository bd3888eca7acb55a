package io.attune.core.audit;

import io.attune.core.lifecycle.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Which entries to list: of one action, about one subject, by one actor, recorded at or after {@code since}. */
public record AuditFilter(Optional<AuditAction> action, Optional<AuditSubject> subject, Optional<Actor> actor,
        Optional<Instant> since) {
    public static final AuditFilter ALL = new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public AuditFilter {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(since, "since");
    }

    public boolean matches(AuditEntry entry) {
        return action.map(entry.action()::equals).orElse(true)
                && subject.map(wanted -> entry.subject().map(wanted::equals).orElse(false)).orElse(true)
                && actor.map(wanted -> wanted.describe().equals(entry.actor().describe())).orElse(true)
                && since.map(from -> !entry.at().isBefore(from)).orElse(true);
    }
}
