package io.attune.core.audit;

import io.attune.core.lifecycle.Actor;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing to record: in which workspace, when, who (an API key, a person, a part of the system),
 * what, about whom, and the details (ids and names, never values about a person). The log gives it a
 * place in the workspace's chain ({@link AuditEntry}). Time is kept to the millisecond, as stored.
 */
public record AuditRecord(WorkspaceId workspace, Instant at, Actor actor, AuditAction action,
        Optional<AuditSubject> subject, AuditDetails details) {

    public AuditRecord {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(details, "details");
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A record about one subject, e.g. a lead. */
    public static AuditRecord of(WorkspaceId workspace, Instant at, Actor actor, AuditAction action,
            AuditSubject subject, AuditDetails details) {
        return new AuditRecord(workspace, at, actor, action, Optional.of(subject), details);
    }

    /** A record about no one subject in particular. */
    public static AuditRecord of(WorkspaceId workspace, Instant at, Actor actor, AuditAction action,
            AuditDetails details) {
        return new AuditRecord(workspace, at, actor, action, Optional.empty(), details);
    }
}
