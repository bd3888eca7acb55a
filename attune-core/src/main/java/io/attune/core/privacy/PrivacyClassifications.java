package io.attune.core.privacy;

import io.attune.core.lifecycle.Actor;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;

/** Where each workspace's classification is kept. */
public interface PrivacyClassifications {

    /** The workspace's classification; {@link PrivacyClassification#NONE} (the defaults alone) until it saves one. */
    PrivacyClassification classification(WorkspaceId workspace);

    /** The data dictionary the workspace's classification makes: what scoring reads a lead's traits by. */
    default DataDictionary dataDictionary(WorkspaceId workspace) {
        return classification(workspace).dataDictionary();
    }

    /**
     * Replaces the workspace's classification, recording the change in the audit log in the same
     * transaction: {@code privacy.classification_changed}, and a {@code policy.override} for each
     * acknowledged weakening it did not have before.
     *
     * @param classification one without {@link PrivacyClassification#problems}
     */
    void save(WorkspaceId workspace, PrivacyClassification classification, Actor actor, Instant at);
}
