package io.attune.server.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.condition.ConditionCompiler;
import io.attune.core.model.InvalidModelException;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.StoredModel;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.audit.PhiReads;
import io.attune.server.http.ApiJson;
import io.attune.server.jobs.BackgroundJobs;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.attune.store.model.YamlModels;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code POST /api/backtests} starts a backtest of a candidate model (a stored version, or YAML
 * source) against the segment's active model and answers 202 with the job; {@code GET
 * /api/backtests/{id}} tells its progress and, once done, its result. The leads a result lists are
 * lead data, so reading them is audited like any other read.
 */
public final class BacktestRoutes implements RouteGroup {
    static final String JOB = "/api/backtests/{id}";

    private final BacktestJobs jobs;
    private final ModelRegistry models;
    private final PhiReads reads;
    private final Clock clock;
    private final ModelCompiler compiler = new ModelCompiler(new ConditionCompiler());

    public BacktestRoutes(BacktestJobs jobs, ModelRegistry models, PhiReads reads, Clock clock) {
        this.jobs = jobs;
        this.models = models;
        this.reads = reads;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/backtests", this::start);
        routes.get(JOB, this::get);
    }

    private void start(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        JsonNode body = json(ctx);
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        Optional<ScoringModel> candidate = candidate(workspace, body, invalid);
        Optional<Instant> from = instant(body, "from", false, invalid);
        Instant to = instant(body, "to", true, invalid).orElse(clock.instant());
        if (from.isPresent() && from.get().isAfter(to)) {
            invalid.add(new Problem.InvalidParam("from", "must not be after to"));
        }
        if (!invalid.isEmpty()) {
            throw new ProblemException(Problem.invalidParams(invalid));
        }
        BackgroundJobs.Status<Backtest> status = jobs.start(workspace, candidate.orElseThrow(), from, to);
        ctx.header("Location", "/api/backtests/" + status.id());
        ctx.status(202).json(BacktestBodies.Job.of(status));
    }

    private void get(Context ctx) {
        BackgroundJobs.Status<Backtest> status = jobs.status(Caller.workspace(ctx), ctx.pathParam("id"))
                .orElseThrow(() -> new ProblemException(Problem.notFound("No backtest with this id in your workspace; "
                        + "backtests are kept in memory until the server restarts.")));
        status.result().ifPresent(backtest -> reads.leads(ctx, JOB, Stream.concat(
                backtest.newlyQualifying().stream().limit(BacktestBodies.LISTED),
                backtest.noLongerQualifying().stream().limit(BacktestBodies.LISTED))
                .map(Backtest.Change::lead).distinct().toList()));
        ctx.json(BacktestBodies.Job.of(status));
    }

    private Optional<ScoringModel> candidate(WorkspaceId workspace, JsonNode body, List<Problem.InvalidParam> invalid) {
        JsonNode version = body.get("candidate");
        JsonNode source = body.get("source");
        if ((version == null) == (source == null)) {
            invalid.add(new Problem.InvalidParam("candidate", "give either candidate (a stored version such as "
                    + "employer-starter@2) or source (a model's YAML)"));
            return Optional.empty();
        }
        if (version != null) {
            Optional<StoredModel> stored = version.isTextual() ? parse(version.asText())
                    .flatMap(v -> models.model(workspace, v)) : Optional.empty();
            if (stored.isEmpty()) {
                invalid.add(new Problem.InvalidParam("candidate", "is not a model version of this workspace"));
            }
            return stored.map(StoredModel::model);
        }
        if (!source.isTextual()) {
            invalid.add(new Problem.InvalidParam("source", "must be a model's YAML as a string"));
            return Optional.empty();
        }
        try {
            return Optional.of(YamlModels.load("candidate.yaml", source.asText(), compiler));
        } catch (InvalidModelException e) {
            e.problems().forEach(problem -> invalid.add(new Problem.InvalidParam("source", problem.toString())));
            return Optional.empty();
        }
    }

    private static Optional<ModelVersion> parse(String text) {
        try {
            return Optional.of(ModelVersion.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An ISO-8601 instant, or a date: its start for {@code from}, its end for {@code to}. */
    private static Optional<Instant> instant(JsonNode body, String field, boolean endOfDay,
            List<Problem.InvalidParam> invalid) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = value.asText();
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(text);
                return Optional.of(endOfDay ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                invalid.add(new Problem.InvalidParam(field, "must be an ISO-8601 time (2026-10-01T09:00:00Z) "
                        + "or date (2026-10-01)"));
                return Optional.empty();
            }
        }
    }

    private static JsonNode json(Context ctx) {
        try {
            JsonNode body = ApiJson.mapper().readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("body",
                        "must be a JSON object with candidate or source, and optionally from and to"))));
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("body",
                    "is not valid JSON (line " + e.getLocation().getLineNr() + ")"))));
        }
    }
}
