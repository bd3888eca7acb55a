package io.attune.core.model;

import io.attune.core.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** The models each workspace has, and the catalog of active ones it scores with. */
public interface ModelRegistry {

    ModelCatalog catalog(WorkspaceId workspace);

    List<StoredModel> models(WorkspaceId workspace);

    Optional<StoredModel> model(WorkspaceId workspace, ModelVersion version);
}
