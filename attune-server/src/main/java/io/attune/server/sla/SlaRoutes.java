package io.attune.server.sla;

import io.attune.core.query.LeadQueries;
import io.attune.core.query.Page;
import io.attune.core.sla.SlaTimer;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.audit.PhiReads;
import io.attune.server.http.Caller;
import io.attune.server.http.PageBody;
import io.attune.server.http.PageRequest;
import io.attune.server.http.QueryParams;
import io.attune.server.http.RouteGroup;
import io.attune.server.leads.LeadBodies.SlaBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/sla/breaches}: MQLs sales did not answer within the SLA, the latest breach first;
 * {@code ?overdue=true} keeps only those still waiting.
 */
public final class SlaRoutes implements RouteGroup {
    private static final List<String> PARAMETERS;

    static {
        List<String> names = new ArrayList<>(PageRequest.PARAMETERS);
        names.add("overdue");
        PARAMETERS = List.copyOf(names);
    }

    private final LeadQueries leads;
    private final PhiReads reads;

    public SlaRoutes(LeadQueries leads, PhiReads reads) {
        this.leads = leads;
        this.reads = reads;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/sla/breaches", this::breaches);
    }

    private void breaches(Context ctx) {
        QueryParams params = QueryParams.of(ctx, PARAMETERS);
        boolean overdueOnly = params.bool("overdue").orElse(false);
        PageRequest request = PageRequest.from(params);
        params.throwIfInvalid();
        WorkspaceId workspace = Caller.workspace(ctx);
        Page<SlaTimer> page;
        try {
            page = leads.breaches(workspace, overdueOnly, request.cursor(), request.limit());
        } catch (IllegalArgumentException e) {
            throw PageRequest.unreadableCursor();
        }
        reads.leads(ctx, "GET /api/sla/breaches", page.items().stream().map(SlaTimer::lead).toList());
        ctx.json(PageBody.of(page, SlaBody::of));
    }
}
