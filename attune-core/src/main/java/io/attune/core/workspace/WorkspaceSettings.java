package io.attune.core.workspace;

import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.sla.SalesSla;
import java.util.Objects;

/** What a workspace decides for itself: how recycled leads start over, its sales SLA, and its privacy choices. */
public record WorkspaceSettings(LifecyclePolicy lifecycle, SalesSla sla, PrivacySettings privacy) {
    public static final WorkspaceSettings DEFAULT = new WorkspaceSettings(LifecyclePolicy.DEFAULT, SalesSla.DEFAULT,
            PrivacySettings.DEFAULT);

    public WorkspaceSettings {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(privacy, "privacy");
    }

    /** Settings with the default privacy choices. */
    public WorkspaceSettings(LifecyclePolicy lifecycle, SalesSla sla) {
        this(lifecycle, sla, PrivacySettings.DEFAULT);
    }

    public WorkspaceSettings withPrivacy(PrivacySettings privacy) {
        return new WorkspaceSettings(lifecycle, sla, privacy);
    }
}
