package io.attune.server.models;

import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ScoringModel;
import io.attune.core.workspace.WorkspaceId;
import java.util.HashMap;
import java.util.Map;

/**
 * The models of one workspace for one request, each fetched once: a page of leads usually shares one
 * or two model versions, and reading the score of each needs its model (decay, rule descriptions).
 */
public final class ModelLookup {
    private final ModelRegistry registry;
    private final WorkspaceId workspace;
    private final Map<ModelVersion, ScoringModel> seen = new HashMap<>();

    public ModelLookup(ModelRegistry registry, WorkspaceId workspace) {
        this.registry = registry;
        this.workspace = workspace;
    }

    /** The model that scored a lead or account; the store keeps every version a score refers to. */
    public ScoringModel get(ModelVersion version) {
        return seen.computeIfAbsent(version, v -> registry.model(workspace, v)
                .orElseThrow(() -> new IllegalStateException("a score refers to a model version the registry lacks"))
                .model());
    }
}
