package io.attune.store.model;

import io.attune.core.condition.ConditionCompiler;
import io.attune.core.model.InvalidModelException;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelReview;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.model.StoredModel;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.db.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Model versions per workspace, kept as their YAML source and compiled once when first used.
 * A version never changes once stored, so compiled models are cached for good; a status change
 * drops the workspace's cache entry.
 */
public final class JdbcModelRegistry implements ModelRegistry {
    public static final String ACTIVE = "active";
    /** Who approved the starter models: they ship with Attune. */
    public static final String STARTER_APPROVER = "system:attune";

    private final Database database;
    private final ModelCompiler compiler = new ModelCompiler(new ConditionCompiler());
    private final Map<WorkspaceId, Models> byWorkspace = new ConcurrentHashMap<>();

    public JdbcModelRegistry(Database database) {
        this.database = database;
    }

    /** A workspace's models, compiled, by version, and its active catalog. */
    private record Models(List<StoredModel> all, Map<ModelVersion, StoredModel> byVersion, Catalog catalog) {
    }

    private record Catalog(Map<Segment, ScoringModel> active, Segment defaultSegment) implements ModelCatalog {
        @Override
        public ScoringModel active(Segment segment) {
            ScoringModel model = active.get(segment);
            if (model == null) {
                throw new IllegalStateException("no active model for segment " + segment.wireName());
            }
            return model;
        }
    }

    /** Stores the five starter models as the workspace's active models; run inside its creation. */
    public static void installStarterModels(Handle handle, WorkspaceId workspace, Instant at) {
        for (Segment segment : Segment.values()) {
            String source = YamlModels.starterModelText(segment);
            ScoringModel model = YamlModels.starterModel(segment, new ModelCompiler(new ConditionCompiler()));
            // shipped approved, so that going back to a starter model is a rollback like any other
            handle.createUpdate("INSERT INTO models (workspace_id, model_id, version, segment, status, source, "
                            + "created_at, approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, workspace.value()).bind(1, model.version().modelId()).bind(2, model.version().version())
                    .bind(3, segment.wireName()).bind(4, ACTIVE).bind(5, source).bind(6, at.toEpochMilli())
                    .bind(7, STARTER_APPROVER).bind(8, at.toEpochMilli())
                    .execute();
        }
    }

    @Override
    public ModelCatalog catalog(WorkspaceId workspace) {
        return load(workspace).catalog();
    }

    @Override
    public List<StoredModel> models(WorkspaceId workspace) {
        return load(workspace).all();
    }

    @Override
    public Optional<StoredModel> model(WorkspaceId workspace, ModelVersion version) {
        return Optional.ofNullable(load(workspace).byVersion().get(version));
    }

    /** Forgets a workspace's compiled models, e.g. after an activation. */
    public void invalidate(WorkspaceId workspace) {
        byWorkspace.remove(workspace);
    }

    private Models load(WorkspaceId workspace) {
        return byWorkspace.computeIfAbsent(workspace, this::read);
    }

    private Models read(WorkspaceId workspace) {
        record Row(String modelId, int version, String status, String source, long createdAt, ModelReview review) {
        }
        List<Row> rows = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT model_id, version, status, source, created_at, author, approved_by, approved_at "
                                + "FROM models WHERE workspace_id = ?")
                .bind(0, workspace.value())
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), ModelRows.review(rs.getString(6), rs.getString(7),
                                rs.getObject(8) == null ? null : rs.getLong(8))))
                .list());
        String defaultSegment = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT default_segment FROM workspaces WHERE workspace_id = ?")
                .bind(0, workspace.value()).mapTo(String.class).findOne()).orElseThrow(() ->
                new IllegalArgumentException("no workspace " + workspace));
        List<StoredModel> all = new ArrayList<>();
        Map<Segment, ScoringModel> active = new EnumMap<>(Segment.class);
        for (Row row : rows) {
            ScoringModel model = compile(row.modelId() + "@" + row.version(), row.source());
            all.add(new StoredModel(model, row.source(), row.status(), Instant.ofEpochMilli(row.createdAt()),
                    row.review()));
            if (ACTIVE.equals(row.status())) {
                active.put(model.segment(), model);
            }
        }
        all.sort(Comparator.comparing((StoredModel m) -> m.version().modelId())
                .thenComparingInt(m -> m.version().version()));
        Segment fallback = Segment.fromWireName(defaultSegment).orElse(Segment.CONSUMER);
        Map<ModelVersion, StoredModel> byVersion = new java.util.HashMap<>();
        all.forEach(model -> byVersion.put(model.version(), model));
        return new Models(List.copyOf(all), Map.copyOf(byVersion), new Catalog(Map.copyOf(active), fallback));
    }

    private ScoringModel compile(String source, String text) {
        try {
            return YamlModels.load(source, text, compiler);
        } catch (InvalidModelException e) {
            throw new IllegalStateException("stored model " + source + " no longer compiles:\n" + e.getMessage(), e);
        }
    }
}
