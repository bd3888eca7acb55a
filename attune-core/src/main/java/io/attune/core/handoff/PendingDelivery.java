package io.attune.core.handoff;

import io.attune.core.workspace.WorkspaceId;
import java.util.Objects;

/** A message due for delivery, with how often it was tried and how often it may be. */
public record PendingDelivery(WorkspaceId workspace, OutboundMessage message, int attempts, int maxAttempts) {
    public PendingDelivery {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(message, "message");
    }
}
