package io.attune.core.privacy;

import io.attune.core.workspace.WorkspaceId;
import java.util.Objects;

/**
 * Where each workspace's privacy keys are kept: the secrets its content groups (TRK-04) and rotating
 * pseudonyms (TRK-05) are hashed under. Each workspace has its own, so that neither can be compared
 * across workspaces or reversed by hashing guesses without them. Made at random the first time they
 * are asked for, kept for good, and never written to a log.
 */
public interface PrivacyKeys {

    /** The workspace's keys, made the first time they are asked for. */
    Keys of(WorkspaceId workspace);

    /** A workspace's two keys. */
    record Keys(KeyedHash contentGroups, KeyedHash pseudonyms) {
        public Keys {
            Objects.requireNonNull(contentGroups, "contentGroups");
            Objects.requireNonNull(pseudonyms, "pseudonyms");
        }
    }
}
