package io.attune.core.sla;

import io.attune.core.workspace.WorkspaceId;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where an overdue timer is settled: breached and escalated if its lead is still an MQL waiting
 * for sales, void otherwise. Settling is idempotent: a timer that is no longer open is left as is.
 */
public interface BreachIntake {

    /** Completes, once durable, with how the timer was settled; empty if it was no longer open. */
    CompletionStage<Optional<SlaTimer.Status>> settle(WorkspaceId workspace, SlaTimer timer);
}
