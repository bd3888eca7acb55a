package io.attune.server.subject;

import static io.attune.server.subject.SubjectRequestBodies.admin;
import static io.attune.server.subject.SubjectRequestBodies.line;
import static io.attune.server.subject.SubjectRequestBodies.object;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.handoff.DestinationId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.query.Page;
import io.attune.core.rights.Extension;
import io.attune.core.rights.RequestChange;
import io.attune.core.rights.RequestId;
import io.attune.core.rights.RequestStatus;
import io.attune.core.rights.RightsRequest;
import io.attune.core.rights.RightsRequests;
import io.attune.core.rights.Settlement;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rights requests and their deadlines (USE-06), for admin keys. {@code GET /api/subject-requests}
 * lists them (by {@code status} open, overdue or closed; cursor paginated) and
 * {@code GET /api/subject-requests/{id}} shows one. {@code POST …/extension} records the one extension
 * the law allows; {@code POST …/confirmations} that a recipient of a deletion confirmed it deleted the
 * person, and {@code POST …/waivers} why one cannot; the request closes when every recipient has.
 */
public final class RightsRequestRoutes implements RouteGroup {
    private static final String STATUS = "status";
    private static final int MAX_DESTINATION = 100;

    private final RightsRequests requests;
    private final Clock clock;

    public RightsRequestRoutes(RightsRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/subject-requests", this::list);
        routes.get("/api/subject-requests/{id}", this::show);
        routes.post("/api/subject-requests/{id}/extension", this::extend);
        routes.post("/api/subject-requests/{id}/confirmations", this::confirm);
        routes.post("/api/subject-requests/{id}/waivers", this::waive);
    }

    private void list(Context ctx) {
        WorkspaceId workspace = admin(ctx);
        QueryParams params = QueryParams.of(ctx, List.of(STATUS, PageRequest.CURSOR, PageRequest.LIMIT));
        Optional<RequestStatus> status = params.choice(STATUS, RequestStatus::fromWireName, "open, overdue or closed");
        PageRequest page = PageRequest.from(params);
        params.throwIfInvalid();
        Instant now = clock.instant();
        Page<RightsRequest> found;
        try {
            found = requests.list(workspace, status, now, page.cursor(), page.limit());
        } catch (IllegalArgumentException e) {
            if (page.cursor().isPresent()) {
                throw PageRequest.unreadableCursor();
            }
            throw e;
        }
        ctx.json(PageBody.of(found, request -> RightsRequestBody.of(request, now)));
    }

    private void show(Context ctx) {
        WorkspaceId workspace = admin(ctx);
        RightsRequest request = requests.find(workspace, requestId(ctx)).orElseThrow(RightsRequestRoutes::notFound);
        ctx.json(RightsRequestBody.of(request, clock.instant()));
    }

    private void extend(Context ctx) {
        WorkspaceId workspace = admin(ctx);
        RequestId id = requestId(ctx);
        JsonNode body = object(ctx, "a JSON object");
        List<Problem.InvalidParam> problems = new ArrayList<>();
        String reason = line(body, "reason", Extension.MAX_REASON, problems);
        JsonNode days = body.get("days");
        if (days == null || !days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 1) {
            problems.add(new Problem.InvalidParam("days", "must be a whole number of days, at least 1"));
        }
        answer(ctx, problems, () -> requests.extend(workspace, id, new Extension(days.asInt(), reason,
                clock.instant(), actor(ctx))));
    }

    private void confirm(Context ctx) {
        WorkspaceId workspace = admin(ctx);
        RequestId id = requestId(ctx);
        JsonNode body = object(ctx, "a JSON object");
        List<Problem.InvalidParam> problems = new ArrayList<>();
        Optional<DestinationId> destination = destination(body, problems);
        Optional<String> reference = Optional.empty();
        if (body.has("reference") && !body.get("reference").isNull()) {
            reference = Optional.ofNullable(line(body, "reference", Settlement.MAX_REFERENCE, problems));
        }
        Optional<String> given = reference;
        answer(ctx, problems, () -> requests.settle(workspace, id, destination.orElseThrow(),
                new Settlement.Confirmed(clock.instant(), actor(ctx), given)));
    }

    private void waive(Context ctx) {
        WorkspaceId workspace = admin(ctx);
        RequestId id = requestId(ctx);
        JsonNode body = object(ctx, "a JSON object");
        List<Problem.InvalidParam> problems = new ArrayList<>();
        Optional<DestinationId> destination = destination(body, problems);
        String reason = line(body, "reason", Settlement.MAX_REASON, problems);
        answer(ctx, problems, () -> requests.settle(workspace, id, destination.orElseThrow(),
                new Settlement.Waived(clock.instant(), actor(ctx), reason)));
    }

    /** Answers a change: the request as it is now, or a problem naming what was wrong. */
    private void answer(Context ctx, List<Problem.InvalidParam> problems, Supplier<RequestChange> change) {
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.invalidParams(problems));
        }
        RequestChange outcome = change.get();
        if (outcome instanceof RequestChange.Changed changed) {
            ctx.json(RightsRequestBody.of(changed.request(), clock.instant()));
        } else if (outcome instanceof RequestChange.NotARecipient other) {
            throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("destination",
                    "is not a recipient of this request; its recipients are: " + (other.recipients().isEmpty()
                            ? "none" : String.join(", ", other.recipients().stream().map(DestinationId::value)
                                    .toList()))))));
        } else if (outcome instanceof RequestChange.Refused refused) {
            throw new ProblemException(Problem.of("rights-request-refused", "Not possible for this request", 409,
                    "Not recorded: " + refused.reason() + "."));
        } else {
            throw notFound();
        }
    }

    private static Optional<DestinationId> destination(JsonNode body, List<Problem.InvalidParam> problems) {
        String text = line(body, "destination", MAX_DESTINATION, problems);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DestinationId(text.strip()));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem.InvalidParam("destination", "is not a destination id"));
            return Optional.empty();
        }
    }

    private static String actor(Context ctx) {
        return new Actor.ApiKey(Caller.of(ctx).keyId()).describe();
    }

    private static RequestId requestId(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!RequestId.isValid(raw)) {
            throw notFound();
        }
        return new RequestId(raw);
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.notFound("No rights request with this id in your workspace."));
    }
}
