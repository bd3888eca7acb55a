package io.attune.core.workspace;

import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.sla.SalesSla;
import java.util.Objects;

/** What a workspace decides for itself: how recycled leads start over, and its sales SLA. */
public record WorkspaceSettings(LifecyclePolicy lifecycle, SalesSla sla) {
    public static final WorkspaceSettings DEFAULT = new WorkspaceSettings(LifecyclePolicy.DEFAULT, SalesSla.DEFAULT);

    public WorkspaceSettings {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(sla, "sla");
    }
}
