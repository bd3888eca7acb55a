package io.attune.core.ingest;

import io.attune.core.lifecycle.ActionOutcome;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.workspace.WorkspaceId;
import java.util.concurrent.CompletionStage;

/**
 * Where sales actions go. They are applied by the same single writer as events, in order with
 * them, and the stage completes once the outcome is durable.
 */
public interface ActionIntake {

    CompletionStage<ActionOutcome> submit(WorkspaceId workspace, LeadAction action);
}
