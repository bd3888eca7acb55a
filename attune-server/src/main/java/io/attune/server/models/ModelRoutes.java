package io.attune.server.models;

import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ModelDiff;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.StoredModel;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.QueryParams;
import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/models}, {@code GET /api/models/{version}} (e.g. {@code employer-starter@1}) and
 * {@code GET /api/models/{a}/diff/{b}}: what changed from version a to version b.
 */
public final class ModelRoutes implements RouteGroup {
    /** The list is short (a few versions per segment), so it is one page. */
    public record ModelList(List<ModelBodies.ModelSummary> items) {
    }

    private final ModelRegistry registry;

    public ModelRoutes(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/models", this::list);
        routes.get("/api/models/{version}", this::get);
        routes.get("/api/models/{version}/diff/{other}", this::diff);
    }

    private void diff(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        StoredModel from = stored(workspace, ctx.pathParam("version"));
        StoredModel to = stored(workspace, ctx.pathParam("other"));
        ctx.json(ModelViews.diff(ModelDiff.between(from.model(), to.model())));
    }

    private StoredModel stored(WorkspaceId workspace, String version) {
        return parse(version).flatMap(v -> registry.model(workspace, v))
                .orElseThrow(() -> new ProblemException(Problem.notFound(
                        "No model with this version in your workspace; versions look like employer-starter@1.")));
    }

    private void list(Context ctx) {
        QueryParams.of(ctx, List.of()).throwIfInvalid();
        WorkspaceId workspace = Caller.workspace(ctx);
        ModelCatalog catalog = registry.catalog(workspace);
        ctx.json(new ModelList(registry.models(workspace).stream()
                .sorted(Comparator.comparing((StoredModel m) -> m.version().modelId())
                        .thenComparingInt(m -> m.version().version()))
                .map(stored -> ModelViews.summary(stored, isActive(catalog, stored)))
                .toList()));
    }

    private void get(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        StoredModel stored = stored(workspace, ctx.pathParam("version"));
        ctx.json(ModelViews.document(stored, isActive(registry.catalog(workspace), stored)));
    }

    private static Optional<ModelVersion> parse(String text) {
        try {
            return Optional.of(ModelVersion.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isActive(ModelCatalog catalog, StoredModel stored) {
        return catalog.active(stored.model().segment()).version().equals(stored.version());
    }
}
