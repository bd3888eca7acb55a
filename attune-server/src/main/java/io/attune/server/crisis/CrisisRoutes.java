package io.attune.server.crisis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditLog;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
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
import io.attune.server.sales.SalesFeedbackRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code POST /api/leads/{id}/crisis/clear}: a clinician ends a lead's crisis hold (CRISIS-04) with a
 * note and their own user id; the lead goes back to the stage it was held from, recorded as a move
 * by that clinician and replayed by a rebuild. Only an API key with the role {@code clinician} may;
 * any other key, admin included, gets 403.
 */
public final class CrisisRoutes implements RouteGroup {
    public static final String CLEAR = "/api/leads/{id}/crisis/clear";
    private static final Pattern CLEAR_PATH = Pattern.compile("/api/leads/[^/]+/crisis/clear");

    private final ActionIntake actions;
    private final AuditLog audit;
    private final Clock clock;

    public CrisisRoutes(ActionIntake actions, AuditLog audit, Clock clock) {
        this.actions = actions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether a request path is the one a clinician key may write to. */
    public static boolean isClear(String path) {
        return CLEAR_PATH.matcher(path).matches();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(CLEAR, this::clear);
    }

    private void clear(Context ctx) {
        Principal caller = Caller.of(ctx);
        if (!caller.role().mayClearCrisisHolds()) {
            throw new ProblemException(Problem.of("clinician-required", "A clinician must clear a crisis hold", 403,
                    "Only a clinician's API key (role clinician) may end a crisis hold; this API key has the role "
                            + caller.role().wireName() + "."));
        }
        String id = ctx.pathParam("id");
        if (!LeadId.isValid(id)) {
            throw notFound();
        }
        JsonNode body = json(ctx);
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        String note = text(body, "note");
        String clinician = text(body, "clinician");
        if (note == null || note.isBlank() || note.length() > SalesAction.Reject.MAX_NOTE) {
            invalid.add(new Problem.InvalidParam("note", "is required: 1-" + SalesAction.Reject.MAX_NOTE
                    + " characters saying why the hold can end"));
        }
        if (clinician == null || clinician.isBlank() || clinician.length() > 200) {
            invalid.add(new Problem.InvalidParam("clinician", "is required: the clinician's user id, 1-200 characters"));
        }
        if (!invalid.isEmpty()) {
            throw new ProblemException(Problem.invalidParams(invalid));
        }
        LeadAction action = new LeadAction(new LeadId(id), new SalesAction.ClearCrisis(note),
                new Actor.User(clinician.strip()), clock.instant());
        ctx.future(() -> actions.submit(caller.workspace(), action).toCompletableFuture()
                .thenAccept(outcome -> {
                    if (outcome instanceof ActionOutcome.Applied applied) {
                        audited(caller, action, applied);
                    }
                    answer(ctx, outcome);
                }));
    }

    /**
     * Ending a hold lifts the suppression of all outreach, so it is a policy override in the audit
     * log: who, with which key, and where the lead went — not the note, which may describe the person.
     */
    private void audited(Principal caller, LeadAction action, ActionOutcome.Applied applied) {
        audit.append(List.of(AuditRecord.of(caller.workspace(), action.at(), action.actor(),
                AuditAction.POLICY_OVERRIDE, AuditSubject.lead(applied.lead().id()),
                AuditDetails.of("policy", "crisis_hold").and("key", caller.keyId())
                        .and("to", applied.lead().stage().wireName()))));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static JsonNode json(Context ctx) {
        try {
            JsonNode body = ApiJson.mapper().readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("body",
                        "must be a JSON object with note and clinician"))));
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("body",
                    "is not valid JSON (line " + e.getLocation().getLineNr() + ")"))));
        }
    }

    private static void answer(Context ctx, ActionOutcome outcome) {
        if (outcome instanceof ActionOutcome.Applied applied) {
            Transition move = applied.transition();
            ctx.json(new SalesFeedbackRoutes.Moved(applied.lead().id().value(), applied.lead().stage().wireName(),
                    new SalesFeedbackRoutes.MoveBody(move.from().wireName(), move.to().wireName(), move.at(),
                            move.cause(), move.actor().describe())));
        } else if (outcome instanceof ActionOutcome.Refused refused) {
            throw new ProblemException(Problem.of("not-in-crisis-hold", "Not in crisis hold", 409, refused.reason()));
        } else {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.notFound("No lead with this id in your workspace."));
    }
}
