package io.attune.server.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.ActionIntake;
import io.attune.core.lifecycle.ActionOutcome;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.SalesAction;
import io.attune.core.lifecycle.Transition;
import io.attune.core.workspace.Principal;
import io.attune.server.http.ApiJson;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Sales tells Attune what happened to a lead it was handed: {@code POST /api/leads/{id}/accept}
 * (with budget, authority, need and timeline), {@code /reject} (with a reason), {@code /opportunity},
 * {@code /won} and {@code /lost}. Each goes through the single writer, in order with events, and
 * answers the move it made, or 409 naming the moves the lead's stage allows.
 */
public final class SalesFeedbackRoutes implements RouteGroup {
    private static final List<String> ACTIONS = List.of("accept", "reject", "opportunity", "won", "lost");

    private final ActionIntake actions;
    private final Clock clock;

    public SalesFeedbackRoutes(ActionIntake actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    /** The move an action made. */
    public record Moved(String lead, String stage, MoveBody transition) {
    }

    /** One transition as the API shows it. */
    public record MoveBody(String from, String to, Instant at, String cause, String actor) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        for (String action : ACTIONS) {
            routes.post("/api/leads/{id}/" + action, ctx -> handle(ctx, action));
        }
    }

    private void handle(Context ctx, String kind) {
        Principal caller = Caller.of(ctx);
        String id = ctx.pathParam("id");
        if (!LeadId.isValid(id)) {
            throw notFound();
        }
        SalesActionBodies body = new SalesActionBodies(json(ctx));
        SalesAction action = body.read(kind);
        Actor actor = body.actor(caller);
        LeadAction leadAction = new LeadAction(new LeadId(id), action, actor, clock.instant());
        ctx.future(() -> actions.submit(caller.workspace(), leadAction).toCompletableFuture()
                .thenAccept(outcome -> answer(ctx, outcome)));
    }

    private static JsonNode json(Context ctx) {
        try {
            return ApiJson.mapper().readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("body",
                    "is not valid JSON (line " + e.getLocation().getLineNr() + ")"))));
        }
    }

    private static void answer(Context ctx, ActionOutcome outcome) {
        if (outcome instanceof ActionOutcome.Applied applied) {
            Transition move = applied.transition();
            ctx.json(new Moved(applied.lead().id().value(), applied.lead().stage().wireName(), new MoveBody(
                    move.from().wireName(), move.to().wireName(), move.at(), move.cause(), move.actor().describe())));
        } else if (outcome instanceof ActionOutcome.Refused refused) {
            throw new ProblemException(Problem.of("illegal-transition", "Not allowed from this stage", 409,
                    refused.reason()));
        } else {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.notFound("No lead with this id in your workspace."));
    }
}
