package io.attune.server.fakes;

import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.model.StoredModel;
import io.attune.core.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ModelRegistry} in memory: each workspace keeps every version it was given, and the catalog
 * scores each segment with the version marked active for it (the default segment's for the rest).
 */
public final class InMemoryModelRegistry implements ModelRegistry {
    private final Map<WorkspaceId, Shelf> shelves = new ConcurrentHashMap<>();

    /** The models of one workspace. */
    private record Shelf(List<StoredModel> models, Map<Segment, ScoringModel> active, Segment defaultSegment)
            implements ModelCatalog {
        @Override
        public ScoringModel active(Segment segment) {
            ScoringModel model = active.get(segment);
            return model != null ? model : active.get(defaultSegment);
        }
    }

    /** Gives a workspace its models; those with status {@code active} are what its segments score with. */
    public void put(WorkspaceId workspace, Segment defaultSegment, List<StoredModel> models) {
        Map<Segment, ScoringModel> active = new EnumMap<>(Segment.class);
        for (StoredModel model : models) {
            if (model.status().equals("active") && active.put(model.model().segment(), model.model()) != null) {
                throw new IllegalArgumentException("two active models for " + model.model().segment());
            }
        }
        if (!active.containsKey(defaultSegment)) {
            throw new IllegalArgumentException("no active model for the default segment " + defaultSegment);
        }
        shelves.put(workspace, new Shelf(List.copyOf(models), active, defaultSegment));
    }

    @Override
    public ModelCatalog catalog(WorkspaceId workspace) {
        return shelf(workspace);
    }

    @Override
    public List<StoredModel> models(WorkspaceId workspace) {
        return new ArrayList<>(shelf(workspace).models());
    }

    @Override
    public Optional<StoredModel> model(WorkspaceId workspace, ModelVersion version) {
        Shelf shelf = shelves.get(workspace);
        if (shelf == null) {
            return Optional.empty();
        }
        return shelf.models().stream().filter(model -> model.version().equals(version)).findFirst();
    }

    private Shelf shelf(WorkspaceId workspace) {
        Shelf shelf = shelves.get(workspace);
        if (shelf == null) {
            throw new IllegalStateException("workspace " + workspace + " has no models");
        }
        return shelf;
    }
}
