package io.attune.server.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.model.ModelChange;
import io.attune.core.model.ModelDecision;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ModelVersions;
import io.attune.core.workspace.Principal;
import io.attune.server.http.ApiJson;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writing model versions: {@code POST /api/models} stores a draft from YAML, and {@code POST
 * /api/models/{version}/propose|approve|activate|retire} moves it on. Keys with the role {@code admin}
 * or {@code approver} may; only an approver who did not write a version may approve it. Activating
 * answers once every lead of the segment is re-scored under the new version.
 */
public final class ModelVersionRoutes implements RouteGroup {
    private static final Pattern WRITE_PATH = Pattern.compile("/api/models(/[^/]+/(propose|approve|activate|retire))?");

    private final ModelVersions versions;
    private final Clock clock;

    public ModelVersionRoutes(ModelVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    /** Whether a request path is one an approver key may write to. */
    public static boolean isModelWrite(String path) {
        return WRITE_PATH.matcher(path).matches();
    }

    /** The answer to a change: the version, where it was and where it is, and the leads an activation re-scored. */
    public record Changed(String version, String from, String status, long rescored, String approvedBy) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/models", this::draft);
        for (ModelChange change : ModelChange.values()) {
            routes.post("/api/models/{version}/" + change.name().toLowerCase(Locale.ROOT), ctx -> change(ctx, change));
        }
    }

    private void draft(Context ctx) {
        Principal caller = Caller.of(ctx);
        ModelVersions.DraftOutcome outcome = versions.draft(caller.workspace(), source(ctx), caller, clock.instant());
        if (outcome instanceof ModelVersions.Drafted drafted) {
            ctx.header("Location", "/api/models/" + drafted.model().version());
            ctx.status(201).json(ModelViews.document(drafted.model(), false));
        } else if (outcome instanceof ModelVersions.Invalid invalid) {
            throw new ProblemException(Problem.invalidParams(invalid.problems().stream()
                    .map(problem -> new Problem.InvalidParam("source", problem.toString())).toList()));
        } else {
            ModelVersions.VersionTaken taken = (ModelVersions.VersionTaken) outcome;
            throw new ProblemException(Problem.of("version-taken", "Version taken", 409, taken.version()
                    + " is stored already and versions never change; give the new one version: "
                    + taken.nextFree() + "."));
        }
    }

    private void change(Context ctx, ModelChange change) {
        Principal caller = Caller.of(ctx);
        ModelVersion version = parse(ctx.pathParam("version")).orElseThrow(ModelVersionRoutes::notFound);
        ctx.future(() -> versions.change(caller.workspace(), version, change, caller, clock.instant())
                .toCompletableFuture().thenAccept(outcome -> answer(ctx, outcome)));
    }

    private static void answer(Context ctx, ModelVersions.ChangeOutcome outcome) {
        if (outcome instanceof ModelVersions.Changed changed) {
            ctx.json(new Changed(changed.model().version().toString(), changed.from().wireName(),
                    changed.model().status(), changed.rescored(), changed.model().review().approvedBy().orElse(null)));
        } else if (outcome instanceof ModelVersions.Refused refused) {
            ModelDecision.Refused decision = refused.decision();
            throw new ProblemException(switch (decision.refusal()) {
                case OWN_MODEL -> Problem.of("own-model", "The author may not approve", 403, decision.reason() + ".");
                case NOT_AN_APPROVER -> Problem.of("approver-required", "An approver must approve", 403,
                        decision.reason() + ".");
                case WRONG_STATUS -> Problem.of("wrong-status", "Not possible in this status", 409,
                        decision.reason() + ".");
            });
        } else {
            throw notFound();
        }
    }

    /** The YAML, sent as the body ({@code application/yaml}, text) or as {@code {"source": "…"}}. */
    private static String source(Context ctx) {
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("");
        if (!contentType.contains("json")) {
            return ctx.body();
        }
        try {
            JsonNode body = ApiJson.mapper().readTree(ctx.body());
            JsonNode source = body == null ? null : body.get("source");
            if (source == null || !source.isTextual()) {
                throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("source",
                        "is required: the model's YAML as a string (or send the YAML itself as application/yaml)"))));
            }
            return source.asText();
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("body",
                    "is not valid JSON (line " + e.getLocation().getLineNr() + ")"))));
        }
    }

    private static Optional<ModelVersion> parse(String text) {
        try {
            return Optional.of(ModelVersion.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.notFound(
                "No model with this version in your workspace; versions look like employer-starter@1."));
    }
}
