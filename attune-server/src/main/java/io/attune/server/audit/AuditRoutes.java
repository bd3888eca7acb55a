package io.attune.server.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditEntry;
import io.attune.core.audit.AuditFilter;
import io.attune.core.audit.AuditHead;
import io.attune.core.audit.AuditLog;
import io.attune.core.audit.AuditSubject;
import io.attune.core.audit.AuditVerification;
import io.attune.core.lifecycle.Actor;
import io.attune.core.query.Page;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.Role;
import io.attune.core.workspace.WorkspaceId;
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
import java.util.Map;
import java.util.Optional;

/**
 * The workspace's audit log, for admin keys only: {@code GET /api/audit} lists entries in sequence
 * order (filtered by action, subject, actor and time; cursor paginated) and {@code GET /api/audit/verify}
 * checks the whole chain, answering where it is broken or the head to write down as an anchor.
 * Listing the log is not itself recorded: the entries name ids, never what was read.
 */
public final class AuditRoutes implements RouteGroup {
    private static final String ACTION = "action";
    private static final String SUBJECT = "subject";
    private static final String ACTOR = "actor";
    private static final String SINCE = "since";
    private static final String ANCHOR = "anchor";

    private final AuditLog audit;

    public AuditRoutes(AuditLog audit) {
        this.audit = audit;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryBody(long sequence, Instant at, String actor, String action, String subject,
            Map<String, List<String>> details, String previousHash, String hash) {
        static EntryBody of(AuditEntry entry) {
            return new EntryBody(entry.sequence(), entry.at(), entry.actor().describe(), entry.action().name(),
                    entry.subject().map(AuditSubject::wire).orElse(null), entry.details().values(),
                    entry.previousHash(), entry.hash());
        }
    }

    record HeadBody(long sequence, String hash) {
    }

    record BreakBody(long sequence, String problem, String detail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerificationBody(String workspace, boolean intact, long checked, HeadBody head, BreakBody broken) {
        static VerificationBody of(AuditVerification verification) {
            if (verification instanceof AuditVerification.Intact intact) {
                return new VerificationBody(intact.workspace().value(), true, intact.entries(),
                        new HeadBody(intact.head().sequence(), intact.head().hash()), null);
            }
            AuditVerification.Broken broken = (AuditVerification.Broken) verification;
            return new VerificationBody(broken.workspace().value(), false, broken.checked(), null,
                    new BreakBody(broken.sequence(), broken.problem().wireName(), broken.detail()));
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/audit", this::list);
        routes.get("/api/audit/verify", this::verify);
    }

    private void list(Context ctx) {
        WorkspaceId workspace = admin(ctx);
        QueryParams params = QueryParams.of(ctx, List.of(ACTION, SUBJECT, ACTOR, SINCE, PageRequest.CURSOR,
                PageRequest.LIMIT));
        Optional<AuditAction> action = params.choice(ACTION, AuditRoutes::action,
                "an action such as phi.read, consent.changed, egress.decided or policy.override");
        Optional<AuditSubject> subject = params.choice(SUBJECT, AuditSubject::parse,
                "a kind and an id, such as lead:ld_0123456789abcdef01234567");
        Optional<Actor> actor = params.choice(ACTOR, AuditRoutes::actor,
                "key:, user:, system: or model: followed by an id, such as key:key_1a2b");
        Optional<Instant> since = params.instant(SINCE);
        PageRequest request = PageRequest.from(params);
        params.throwIfInvalid();
        Page<AuditEntry> page;
        try {
            page = audit.entries(workspace, new AuditFilter(action, subject, actor, since), request.cursor(),
                    request.limit());
        } catch (IllegalArgumentException e) {
            if (request.cursor().isPresent()) {
                throw PageRequest.unreadableCursor();
            }
            throw e;
        }
        ctx.json(PageBody.of(page, EntryBody::of));
    }

    private void verify(Context ctx) {
        WorkspaceId workspace = admin(ctx);
        QueryParams params = QueryParams.of(ctx, List.of(ANCHOR));
        Optional<AuditHead> anchor = params.choice(ANCHOR, AuditHead::parse,
                "a head from an earlier verification: its sequence, a colon and its 64 hex digit hash");
        params.throwIfInvalid();
        ctx.json(VerificationBody.of(audit.verify(workspace, anchor.stream().toList())));
    }

    /** The caller's workspace, when the caller is an admin key; a read key may not see who read what. */
    private static WorkspaceId admin(Context ctx) {
        Principal caller = Caller.of(ctx);
        if (caller.role() != Role.ADMIN) {
            throw new ProblemException(Problem.of("forbidden", "Forbidden", 403, "The audit log is for admin keys; "
                    + "this API key has the role " + caller.role().wireName() + "."));
        }
        return caller.workspace();
    }

    private static Optional<AuditAction> action(String text) {
        try {
            return Optional.of(new AuditAction(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Only what {@link Actor#describe()} writes, so that a filter matches what is stored. */
    private static Optional<Actor> actor(String text) {
        try {
            Actor actor = Actor.parse(text);
            return actor.describe().equals(text) ? Optional.of(actor) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
