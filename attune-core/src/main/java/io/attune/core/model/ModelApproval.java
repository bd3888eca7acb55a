package io.attune.core.model;

import io.attune.core.model.ModelDecision.Allowed;
import io.attune.core.model.ModelDecision.Refused;
import io.attune.core.model.ModelDecision.Refusal;
import io.attune.core.workspace.Role;
import java.util.Optional;

/**
 * The four-eyes rules of model versions. A draft is proposed; a proposal is approved by someone
 * with the approver role who did not write it; an approved version (or a retired one that was
 * approved, for a rollback) is activated; anything not active may be retired. The active version
 * is never retired directly: activating another one retires it, so a segment always has a model.
 */
public final class ModelApproval {
    private ModelApproval() {
    }

    /**
     * @param caller who asks, as an actor ({@code key:key_…}), compared with the version's author
     */
    public static ModelDecision decide(ModelStatus status, ModelReview review, ModelChange change, Role role,
            String caller) {
        return switch (change) {
            case PROPOSE -> status == ModelStatus.DRAFT ? new Allowed(ModelStatus.PROPOSED)
                    : wrong(status, "only a draft can be proposed");
            case APPROVE -> approve(status, review, role, caller);
            case ACTIVATE -> activate(status, review);
            case RETIRE -> status == ModelStatus.ACTIVE
                    ? wrong(status, "activate another version of the segment instead; it retires this one")
                    : status == ModelStatus.RETIRED ? wrong(status, "it is retired already")
                    : new Allowed(ModelStatus.RETIRED);
        };
    }

    private static ModelDecision approve(ModelStatus status, ModelReview review, Role role, String caller) {
        if (!role.mayApproveModels()) {
            return new Refused(Refusal.NOT_AN_APPROVER, "approving a model needs an API key with the role approver; "
                    + "this one has the role " + role.wireName());
        }
        if (review.author().equals(Optional.of(caller))) {
            return new Refused(Refusal.OWN_MODEL, "the author of a model version may not approve it; "
                    + "another approver must");
        }
        return status == ModelStatus.PROPOSED ? new Allowed(ModelStatus.APPROVED)
                : wrong(status, "only a proposed version can be approved");
    }

    private static ModelDecision activate(ModelStatus status, ModelReview review) {
        if (status == ModelStatus.APPROVED || status == ModelStatus.RETIRED && review.approvedBy().isPresent()) {
            return new Allowed(ModelStatus.ACTIVE);
        }
        if (status == ModelStatus.ACTIVE) {
            return wrong(status, "it is active already");
        }
        return wrong(status, "only an approved version, or a retired one that was approved, can be activated");
    }

    private static Refused wrong(ModelStatus status, String why) {
        return new Refused(Refusal.WRONG_STATUS, "this version is " + status.wireName() + ": " + why);
    }
}
