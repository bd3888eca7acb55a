package io.attune.server.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.WorkspaceSettings;
import io.attune.core.workspace.Workspaces;
import io.attune.server.http.ApiJson;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.attune.store.workspace.SettingsJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;

/**
 * {@code GET /api/settings} and {@code PUT /api/settings}: how recycled leads start over (share of
 * engagement kept, quiet period) and the sales SLA with its business calendar. A PUT replaces the
 * settings; a key left out takes its default. New settings apply to what happens from then on: a
 * running SLA timer keeps the due time it was given.
 */
public final class SettingsRoutes implements RouteGroup {
    private final Workspaces workspaces;
    private final Clock clock;

    public SettingsRoutes(Workspaces workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/settings", this::get);
        routes.put("/api/settings", this::put);
    }

    private void get(Context ctx) {
        ctx.json(SettingsJson.toJson(workspaces.settings(Caller.workspace(ctx))));
    }

    private void put(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        WorkspaceSettings settings;
        try {
            settings = SettingsJson.fromJson(json(ctx));
        } catch (SettingsJson.InvalidSettingsException e) {
            throw new ProblemException(Problem.invalidParams(e.problems().stream()
                    .map(problem -> new Problem.InvalidParam(problem.key().isEmpty() ? "body" : problem.key(),
                            problem.reason())).toList()));
        }
        workspaces.saveSettings(workspace, settings, clock.instant());
        ctx.json(SettingsJson.toJson(settings));
    }

    private static JsonNode json(Context ctx) {
        try {
            return ApiJson.mapper().readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("body",
                    "is not valid JSON"))));
        }
    }
}
