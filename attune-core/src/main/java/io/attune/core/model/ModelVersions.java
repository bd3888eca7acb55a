package io.attune.core.model;

import io.attune.core.workspace.Principal;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Writing model versions: a draft from its YAML source, then the changes {@link ModelApproval} allows.
 * Every change is recorded in the audit log with the change itself. Activation re-scores every lead
 * of the segment and makes the version active in the same transaction, so a reader sees all the
 * segment's leads under the old version or all under the new one, never a mix.
 */
public interface ModelVersions {

    DraftOutcome draft(WorkspaceId workspace, String source, Principal author, Instant at);

    CompletionStage<ChangeOutcome> change(WorkspaceId workspace, ModelVersion version, ModelChange change,
            Principal caller, Instant at);

    sealed interface DraftOutcome permits Drafted, Invalid, VersionTaken {
    }

    record Drafted(StoredModel model) implements DraftOutcome {
    }

    /** The source did not check; each problem names its line and rule. */
    record Invalid(List<ModelProblem> problems) implements DraftOutcome {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** Versions never change once stored; {@code nextFree} is the number to give the new one. */
    record VersionTaken(ModelVersion version, int nextFree) implements DraftOutcome {
    }

    sealed interface ChangeOutcome permits Changed, Refused, Unknown {
    }

    /** {@code rescored} counts the leads re-scored by an activation (0 for other changes). */
    record Changed(StoredModel model, ModelStatus from, long rescored) implements ChangeOutcome {
        public Changed {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(from, "from");
        }
    }

    record Refused(ModelDecision.Refused decision) implements ChangeOutcome {
    }

    /** No such version in the workspace. */
    record Unknown() implements ChangeOutcome {
    }
}
