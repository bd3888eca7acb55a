package io.attune.server.outcomes;

import io.attune.core.ingest.ActionIntake;
import io.attune.core.lifecycle.Actor;
import io.attune.core.outcome.LeadFinder;
import io.attune.core.outcome.Outcome;
import io.attune.core.outcome.OutcomeFilter;
import io.attune.core.outcome.OutcomeStatus;
import io.attune.core.outcome.Outcomes;
import io.attune.core.query.Page;
import io.attune.core.query.LeadQueries;
import io.attune.core.workspace.Principal;
import io.attune.server.audit.PhiReads;
import io.attune.server.http.Caller;
import io.attune.server.http.PageBody;
import io.attune.server.http.PageRequest;
import io.attune.server.http.QueryParams;
import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Outcomes from the CRM: {@code POST /api/outcomes} takes up to 1,000 status updates (sql, opportunity,
 * won, lost) and answers each by its index — stored (and whether the lead's stage moved), duplicate,
 * unknown lead or invalid; only a malformed body is refused whole. {@code GET /api/outcomes} lists
 * what was stored, by when it occurred.
 */
public final class OutcomeRoutes implements RouteGroup {
    private static final String SINCE = "since";
    private static final String STATUS = "status";

    private final OutcomeIntake intake;
    private final Outcomes outcomes;
    private final PhiReads reads;
    private final Clock clock;

    public OutcomeRoutes(LeadQueries leads, Outcomes outcomes, ActionIntake actions, PhiReads reads, Clock clock) {
        this.intake = new OutcomeIntake(LeadFinder.over(leads), outcomes, actions);
        this.outcomes = outcomes;
        this.reads = reads;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/outcomes", this::receive);
        routes.get("/api/outcomes", this::list);
    }

    private void receive(Context ctx) {
        Principal caller = Caller.of(ctx);
        ctx.json(intake.receive(caller.workspace(), ctx.bodyAsBytes(), new Actor.ApiKey(caller.keyId()),
                clock.instant()));
    }

    private void list(Context ctx) {
        QueryParams params = QueryParams.of(ctx, List.of(SINCE, STATUS, PageRequest.CURSOR, PageRequest.LIMIT));
        Optional<Instant> since = params.instant(SINCE);
        Optional<OutcomeStatus> status = params.choice(STATUS, OutcomeStatus::fromWireName, "one of "
                + Arrays.stream(OutcomeStatus.values()).map(OutcomeStatus::wireName).toList());
        PageRequest request = PageRequest.from(params);
        params.throwIfInvalid();
        Page<Outcome> page;
        try {
            page = outcomes.outcomes(Caller.workspace(ctx), new OutcomeFilter(since, status), request.cursor(),
                    request.limit());
        } catch (IllegalArgumentException e) {
            if (request.cursor().isPresent()) {
                throw PageRequest.unreadableCursor();
            }
            throw e;
        }
        reads.leads(ctx, "GET /api/outcomes", page.items().stream().map(Outcome::lead).toList());
        ctx.json(PageBody.of(page, OutcomeViews::outcome));
    }
}
