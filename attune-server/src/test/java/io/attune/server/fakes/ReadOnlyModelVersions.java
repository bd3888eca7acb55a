package io.attune.server.fakes;

import io.attune.core.model.ModelChange;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ModelVersions;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Model versions for tests over fakes that only read models: every draft is refused as not checking
 * and no version can be changed. Writing versions is tested over a real store (ModelVersionsIT).
 */
public final class ReadOnlyModelVersions implements ModelVersions {
    @Override
    public DraftOutcome draft(WorkspaceId workspace, String source, Principal author, Instant at) {
        return new Invalid(List.of(new io.attune.core.model.ModelProblem("model.yaml", 1, "",
                "these fakes store no models")));
    }

    @Override
    public CompletionStage<ChangeOutcome> change(WorkspaceId workspace, ModelVersion version, ModelChange change,
            Principal caller, Instant at) {
        return CompletableFuture.completedFuture(new Unknown());
    }
}
