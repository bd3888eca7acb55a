package io.attune.server.leads;

import io.attune.core.audit.AuditDetails;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.Segment;
import io.attune.core.query.LeadFilter;
import io.attune.core.query.LeadQueries;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.audit.PhiReads;
import io.attune.server.http.Caller;
import io.attune.server.http.PageBody;
import io.attune.server.http.PageRequest;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.QueryParams;
import io.attune.server.leads.LeadBodies.MqlSummary;
import io.attune.server.leads.LeadBodies.SlaBody;
import io.attune.server.models.ModelLookup;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@code GET /api/leads} (filters, or one lead by identity) and {@code GET /api/mqls}. */
final class LeadListing {
    private static final List<String> MQL_PARAMETERS = List.of(LeadListRequest.SEGMENT, PageRequest.CURSOR,
            PageRequest.LIMIT);

    private final LeadQueries leads;
    private final ModelRegistry models;
    private final PhiReads reads;
    private final Clock clock;

    LeadListing(LeadQueries leads, ModelRegistry models, PhiReads reads, Clock clock) {
        this.leads = leads;
        this.models = models;
        this.reads = reads;
        this.clock = clock;
    }

    void list(Context ctx) {
        LeadListRequest request = LeadListRequest.parse(QueryParams.of(ctx, LeadListRequest.parameters()));
        WorkspaceId workspace = Caller.workspace(ctx);
        Instant now = clock.instant();
        ModelLookup lookup = new ModelLookup(models, workspace);
        if (request.identity().isPresent()) {
            Optional<LeadState> found = byIdentity(workspace, request.identity().get());
            AuditDetails identityLookup = AuditDetails.of("lookup", "identity");
            if (found.isEmpty()) {
                reads.miss(ctx, "GET /api/leads", identityLookup);
                throw new ProblemException(Problem.notFound("No lead in your workspace has this identity."));
            }
            LeadState lead = found.get();
            reads.lead(ctx, "GET /api/leads", lead.id(), identityLookup);
            ctx.json(new PageBody<>(List.of(LeadViews.summary(lead, lookup.get(lead.model()), now)), null));
            return;
        }
        Page<LeadState> page = page(workspace, request.filter(), request.page(), now);
        reads.leads(ctx, "GET /api/leads", page.items().stream().map(LeadState::id).toList());
        ctx.json(PageBody.of(page, lead -> LeadViews.summary(lead, lookup.get(lead.model()), now)));
    }

    /**
     * The MQL queue, in the store's id order: newest qualification first would need the store to
     * order by qualification time. Each item carries when it last became an MQL, for the sales SLA.
     */
    void mqls(Context ctx) {
        QueryParams params = QueryParams.of(ctx, MQL_PARAMETERS);
        Optional<Segment> segment = LeadListRequest.segment(params);
        PageRequest request = PageRequest.from(params);
        params.throwIfInvalid();
        WorkspaceId workspace = Caller.workspace(ctx);
        Instant now = clock.instant();
        ModelLookup lookup = new ModelLookup(models, workspace);
        LeadFilter filter = new LeadFilter(Optional.of(Stage.MQL), segment, OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.empty(), Optional.empty());
        Page<LeadState> page = page(workspace, filter, request, now);
        reads.leads(ctx, "GET /api/mqls", page.items().stream().map(LeadState::id).toList());
        ctx.json(PageBody.of(page, lead -> new MqlSummary(LeadViews.summary(lead, lookup.get(lead.model()), now),
                qualifiedAt(workspace, lead), leads.slaTimers(workspace, lead.id()).stream().findFirst()
                        .filter(timer -> timer.closedAt().isEmpty()).map(SlaBody::of).orElse(null))));
    }

    private Page<LeadState> page(WorkspaceId workspace, LeadFilter filter, PageRequest request, Instant now) {
        try {
            return leads.leads(workspace, filter, request.cursor(), request.limit(), now);
        } catch (IllegalArgumentException e) {
            if (request.cursor().isPresent()) {
                throw PageRequest.unreadableCursor();
            }
            throw e;
        }
    }

    /** A user id, an email (matched lower-cased, as stored) or an anonymous id, tried in that order. */
    private Optional<LeadState> byIdentity(WorkspaceId workspace, String value) {
        List<Identity> candidates = new ArrayList<>(3);
        candidates.add(new Identity(IdentityKind.USER_ID, value));
        Identity.email(value).ifPresent(candidates::add);
        candidates.add(new Identity(IdentityKind.ANONYMOUS_ID, value));
        for (Identity identity : candidates) {
            Optional<LeadState> lead = leads.leadByIdentity(workspace, identity);
            if (lead.isPresent()) {
                return lead;
            }
        }
        return Optional.empty();
    }

    private Instant qualifiedAt(WorkspaceId workspace, LeadState lead) {
        Instant at = null;
        for (Transition transition : leads.transitions(workspace, lead.id())) {
            if (transition.to() == Stage.MQL && (at == null || transition.at().isAfter(at))) {
                at = transition.at();
            }
        }
        return at;
    }
}
