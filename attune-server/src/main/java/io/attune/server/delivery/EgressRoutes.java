package io.attune.server.delivery;

import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditSubject;
import io.attune.core.egress.EgressLog;
import io.attune.core.egress.EgressQuery;
import io.attune.core.egress.EgressRecord;
import io.attune.core.handoff.DestinationId;
import io.attune.core.identity.LeadId;
import io.attune.core.query.Page;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.Role;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.audit.PhiReads;
import io.attune.server.delivery.EgressBodies.DecisionBody;
import io.attune.server.http.Caller;
import io.attune.server.http.PageBody;
import io.attune.server.http.PageRequest;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.QueryParams;
import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The egress decisions, for admins: {@code GET /api/egress/decisions?destination=&outcome=&since=},
 * oldest first, cursor paginated. Each names a lead, so the read is recorded in the audit log
 * ({@code phi.read}, one entry per lead) before the answer is sent.
 */
public final class EgressRoutes implements RouteGroup {
    private static final String DESTINATION = "destination";
    private static final String OUTCOME = "outcome";
    private static final String SINCE = "since";
    private static final String ROUTE = "GET /api/egress/decisions";

    private final EgressLog log;
    private final PhiReads reads;

    public EgressRoutes(EgressLog log, PhiReads reads) {
        this.log = log;
        this.reads = reads;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/egress/decisions", this::decisions);
    }

    private void decisions(Context ctx) {
        WorkspaceId workspace = admin(ctx);
        QueryParams params = QueryParams.of(ctx, List.of(DESTINATION, OUTCOME, SINCE, PageRequest.CURSOR,
                PageRequest.LIMIT));
        Optional<DestinationId> destination = params.choice(DESTINATION, EgressRoutes::destination,
                "a destination id: 1-64 lower-case letters, digits, '_' or '-'");
        Optional<EgressRecord.Outcome> outcome = params.choice(OUTCOME, EgressRecord.Outcome::fromWireName,
                "sent, redacted or blocked");
        Optional<Instant> since = params.instant(SINCE);
        PageRequest request = PageRequest.from(params);
        params.throwIfInvalid();
        Page<EgressRecord> page;
        try {
            page = log.decisions(workspace, new EgressQuery(destination, outcome, since), request.cursor(),
                    request.limit());
        } catch (IllegalArgumentException e) {
            if (request.cursor().isPresent()) {
                throw PageRequest.unreadableCursor();
            }
            throw e;
        }
        reads.subjects(ctx, ROUTE, page.items().stream().map(record -> LeadId.isValid(record.lead())
                ? AuditSubject.lead(new LeadId(record.lead())) : AuditSubject.message(record.messageId())).toList(),
                AuditDetails.NONE);
        ctx.json(PageBody.of(page, DecisionBody::of));
    }

    /** The caller's workspace, when the caller is an admin key: decisions say which leads went where. */
    private static WorkspaceId admin(Context ctx) {
        Principal caller = Caller.of(ctx);
        if (caller.role() != Role.ADMIN) {
            throw new ProblemException(Problem.of("forbidden", "Forbidden", 403, "Egress decisions are for admin "
                    + "keys; this API key has the role " + caller.role().wireName() + "."));
        }
        return caller.workspace();
    }

    private static Optional<DestinationId> destination(String text) {
        try {
            return Optional.of(new DestinationId(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
