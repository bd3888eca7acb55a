package io.attune.server.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.StoredModel;
import io.attune.core.workspace.Principal;
import io.attune.server.http.ApiJson;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.attune.server.jobs.BackgroundJobs;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code POST /api/models/{version}/proposals} (admin keys) starts proposing rule points for a stored
 * version from the segment's stored outcomes and answers 202 with the job; {@code GET
 * /api/proposals/{id}} tells its progress and, once done, the new draft version and the report.
 */
public final class ProposalRoutes implements RouteGroup {
    private static final Set<String> FIELDS = Set.of("asOf", "staleMqlDays", "includeLearned", "learnedPoints", "seed");
    private static final long DEFAULT_SEED = 42;

    private final ProposalJobs jobs;
    private final ModelRegistry models;
    private final Clock clock;

    public ProposalRoutes(ProposalJobs jobs, ModelRegistry models, Clock clock) {
        this.jobs = jobs;
        this.models = models;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/models/{version}/proposals", this::start);
        routes.get("/api/proposals/{id}", this::get);
    }

    private void start(Context ctx) {
        Principal caller = Caller.of(ctx);
        StoredModel base = version(ctx.pathParam("version")).flatMap(v -> models.model(caller.workspace(), v))
                .orElseThrow(() -> new ProblemException(Problem.notFound("No model version "
                        + ctx.pathParam("version") + " in your workspace.")));
        ProposalRequest request = request(base.version(), json(ctx));
        BackgroundJobs.Status<Proposal> started = jobs.start(base, request, caller);
        ctx.header("Location", "/api/proposals/" + started.id());
        ctx.status(202).json(ProposalBodies.Job.of(started));
    }

    private void get(Context ctx) {
        BackgroundJobs.Status<Proposal> status = jobs.status(Caller.of(ctx), ctx.pathParam("id"))
                .orElseThrow(() -> new ProblemException(Problem.notFound("No proposal with this id in your "
                        + "workspace; proposals are kept in memory until the server restarts.")));
        ctx.json(ProposalBodies.Job.of(status));
    }

    private ProposalRequest request(ModelVersion base, JsonNode body) {
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                invalid.add(new Problem.InvalidParam(name, "is not a proposal option (asOf, staleMqlDays, "
                        + "includeLearned, learnedPoints, seed)"));
            }
        }
        Instant asOf = asOf(body.get("asOf"), invalid).orElse(clock.instant());
        OptionalInt staleMqlDays = whole(body.get("staleMqlDays"), "staleMqlDays", 1, 3650, invalid);
        OptionalInt learnedPoints = whole(body.get("learnedPoints"), "learnedPoints", 1,
                ProposalRequest.MAX_LEARNED_POINTS, invalid);
        JsonNode includeLearned = body.get("includeLearned");
        if (includeLearned != null && !includeLearned.isNull() && !includeLearned.isBoolean()) {
            invalid.add(new Problem.InvalidParam("includeLearned", "must be true or false"));
        }
        JsonNode seed = body.get("seed");
        if (seed != null && !seed.isNull() && !(seed.isIntegralNumber() && seed.canConvertToLong())) {
            invalid.add(new Problem.InvalidParam("seed", "must be a whole number"));
        }
        if (!invalid.isEmpty()) {
            throw new ProblemException(Problem.invalidParams(invalid));
        }
        return new ProposalRequest(base, asOf, staleMqlDays, includeLearned != null && includeLearned.asBoolean(),
                learnedPoints, seed == null || seed.isNull() ? DEFAULT_SEED : seed.asLong());
    }

    /** An ISO-8601 instant, or a date meaning its end (UTC): outcomes up to and including that day. */
    private static Optional<Instant> asOf(JsonNode value, List<Problem.InvalidParam> invalid) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = value.asText();
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .minusMillis(1));
            } catch (DateTimeParseException notADate) {
                invalid.add(new Problem.InvalidParam("asOf", "must be an ISO-8601 time (2026-10-01T09:00:00Z) "
                        + "or date (2026-10-01)"));
                return Optional.empty();
            }
        }
    }

    private static OptionalInt whole(JsonNode value, String name, int min, int max,
            List<Problem.InvalidParam> invalid) {
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            invalid.add(new Problem.InvalidParam(name, "must be a whole number from " + min + " to " + max));
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.asInt());
    }

    private static Optional<ModelVersion> version(String text) {
        try {
            return Optional.of(ModelVersion.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The body is optional: no body (or {}) asks for a proposal with every default. */
    private static JsonNode json(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return ApiJson.mapper().createObjectNode();
        }
        try {
            JsonNode body = ApiJson.mapper().readTree(text);
            if (body == null || !body.isObject()) {
                throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("body",
                        "must be a JSON object with the proposal's options (asOf, staleMqlDays, includeLearned, "
                                + "learnedPoints, seed)"))));
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("body",
                    "is not valid JSON (line " + e.getLocation().getLineNr() + ")"))));
        }
    }
}
