package io.attune.core.erasure;

import io.attune.core.workspace.WorkspaceId;
import java.util.concurrent.CompletionStage;

/**
 * Where erasure requests go: the single writer, so that an erasure never interleaves with an event,
 * sales action or consent change for the same lead. The stage completes once the erasure is durable.
 */
public interface ErasureIntake {

    CompletionStage<Erasure> erase(WorkspaceId workspace, ErasureRequest request);
}
