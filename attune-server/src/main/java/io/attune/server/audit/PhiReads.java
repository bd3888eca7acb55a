package io.attune.server.audit;

import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditLog;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.workspace.Principal;
import io.attune.server.http.Caller;
import io.attune.server.http.RequestIds;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Records reads of lead data through the API in the audit log ({@code phi.read}): one entry per lead
 * returned, with the caller's API key as actor and the route and request id as details. A handler
 * calls it once it has gathered what it will answer and before it writes it: when the entry cannot be
 * written this throws, the request answers 500 and nothing is sent, so no read of PHI goes
 * unaudited. Every lead is recorded, not only consumer ones, because being a lead of a behavioral
 * health organization is itself health information.
 */
public final class PhiReads {
    private final AuditLog audit;
    private final Clock clock;

    public PhiReads(AuditLog audit, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code leads} were returned by this request ({@code route} as method and template); each recorded once. */
    public void leads(Context ctx, String route, Collection<LeadId> leads) {
        subjects(ctx, route, leads.stream().map(AuditSubject::lead).toList(), AuditDetails.NONE);
    }

    /** One lead was returned, with more to say about how it was found (an id merged away, an identity). */
    public void lead(Context ctx, String route, LeadId lead, AuditDetails more) {
        subjects(ctx, route, List.of(AuditSubject.lead(lead)), more);
    }

    /** Data about each of {@code subjects} was returned; nothing is recorded when there are none. */
    public void subjects(Context ctx, String route, Collection<AuditSubject> subjects, AuditDetails more) {
        LinkedHashSet<AuditSubject> distinct = new LinkedHashSet<>(subjects);
        if (distinct.isEmpty()) {
            return;
        }
        Principal caller = Caller.of(ctx);
        Instant at = clock.instant();
        AuditDetails details = details(ctx, route, more);
        Actor actor = new Actor.ApiKey(caller.keyId());
        audit.append(distinct.stream().map(subject -> AuditRecord.of(caller.workspace(), at, actor,
                AuditAction.PHI_READ, subject, details)).toList());
    }

    /**
     * A look-up that found no lead: recorded as well, without a subject, since "no such person here"
     * is an answer about a person.
     */
    public void miss(Context ctx, String route, AuditDetails more) {
        Principal caller = Caller.of(ctx);
        audit.append(AuditRecord.of(caller.workspace(), clock.instant(), new Actor.ApiKey(caller.keyId()),
                AuditAction.PHI_READ, details(ctx, route, more.and("found", "false"))));
    }

    private static AuditDetails details(Context ctx, String route, AuditDetails more) {
        return more.and("route", route).and("request", RequestIds.of(ctx));
    }
}
