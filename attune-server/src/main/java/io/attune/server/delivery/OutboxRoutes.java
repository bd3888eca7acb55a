package io.attune.server.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditSubject;
import io.attune.core.egress.EgressLog;
import io.attune.core.handoff.DeliveryAttempt;
import io.attune.core.handoff.Outbox;
import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.audit.PhiReads;
import io.attune.server.delivery.EgressBodies.DecisionBody;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outbox, for operators: {@code GET /api/outbox/dead-letters}, {@code GET /api/outbox/{id}} (its
 * status, every attempt — outcome, status code, latency — and every egress decision taken before an
 * attempt: outcome, rule ids, redacted field names) and {@code POST /api/outbox/{id}/replay},
 * which puts a dead letter back to be delivered now, with the same webhook id, and answers the message
 * as {@code GET} then shows it: pending, its earlier attempts still listed.
 */
public final class OutboxRoutes implements RouteGroup {
    private final Outbox outbox;
    private final EgressLog egress;
    private final PhiReads reads;
    private final Clock clock;

    public OutboxRoutes(Outbox outbox, EgressLog egress, PhiReads reads, Clock clock) {
        this.outbox = outbox;
        this.egress = egress;
        this.reads = reads;
        this.clock = clock;
    }

    record DeadLetterBody(String id, String destination, String subject, String type, Instant at, int attempts,
            String lastError) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttemptBody(int attempt, Instant at, String outcome, Integer status, long latencyMillis, String error) {
    }

    record MessageBody(String id, String status, List<AttemptBody> attempts, List<DecisionBody> decisions) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/outbox/dead-letters", this::deadLetters);
        routes.get("/api/outbox/{id}", this::message);
        routes.post("/api/outbox/{id}/replay", this::replay);
    }

    private void deadLetters(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        List<DeadLetterBody> items = outbox.deadLetters(workspace, 500).stream().map(dead -> new DeadLetterBody(
                dead.message().id(), dead.message().destination().value(), dead.message().subject(),
                dead.message().type().wireName(), dead.message().at(), dead.attempts(),
                dead.lastError().orElse(null))).toList();
        // A dead letter names its lead; one that somehow does not is recorded by its message.
        reads.subjects(ctx, "GET /api/outbox/dead-letters", items.stream().map(item -> LeadId.isValid(item.subject())
                ? AuditSubject.lead(new LeadId(item.subject())) : AuditSubject.message(item.id())).toList(),
                AuditDetails.NONE);
        ctx.json(Map.of("items", items));
    }

    private void message(Context ctx) {
        answerMessage(ctx, "GET /api/outbox/{id}");
    }

    private void answerMessage(Context ctx, String route) {
        WorkspaceId workspace = Caller.workspace(ctx);
        String id = ctx.pathParam("id");
        String status = outbox.status(workspace, id).orElseThrow(OutboxRoutes::notFound);
        List<AttemptBody> attempts = outbox.attempts(workspace, id).stream().map(OutboxRoutes::attempt).toList();
        List<DecisionBody> decisions = egress.ofMessage(workspace, id).stream().map(DecisionBody::of).toList();
        reads.subjects(ctx, route, List.of(AuditSubject.message(id)), AuditDetails.NONE);
        ctx.json(new MessageBody(id, status, attempts, decisions));
    }

    private void replay(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        String id = ctx.pathParam("id");
        if (outbox.status(workspace, id).isEmpty()) {
            throw notFound();
        }
        if (!outbox.replay(workspace, id, clock.instant())) {
            throw new ProblemException(Problem.of("not-dead-lettered", "Not a dead letter", 409,
                    "Only a dead-lettered message can be replayed; this one is still being delivered, was delivered, "
                            + "or was blocked by its destination's egress policy (final)."));
        }
        answerMessage(ctx, "POST /api/outbox/{id}/replay");
    }

    private static AttemptBody attempt(DeliveryAttempt attempt) {
        return new AttemptBody(attempt.attempt(), attempt.at(), attempt.outcome().name().toLowerCase(Locale.ROOT),
                attempt.status().isPresent() ? attempt.status().getAsInt() : null, attempt.latencyMillis(),
                attempt.error().orElse(null));
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.notFound("No outbox message with this id in your workspace."));
    }
}
