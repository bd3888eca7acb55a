package io.attune.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.model.ModelDecision.Allowed;
import io.attune.core.model.ModelDecision.Refused;
import io.attune.core.model.ModelDecision.Refusal;
import io.attune.core.workspace.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModelApprovalTest {
    private static final String ALICE = "key:key_alice";
    private static final String BOB = "key:key_bob";
    private static final ModelReview BY_ALICE = ModelReview.authoredBy(ALICE);

    private static ModelDecision decide(ModelStatus status, ModelReview review, ModelChange change, Role role,
            String caller) {
        return ModelApproval.decide(status, review, change, role, caller);
    }

    @Test
    void a_draft_moves_through_proposal_and_approval_by_another_approver_to_active() {
        assertThat(decide(ModelStatus.DRAFT, BY_ALICE, ModelChange.PROPOSE, Role.APPROVER, ALICE))
                .isEqualTo(new Allowed(ModelStatus.PROPOSED));
        assertThat(decide(ModelStatus.PROPOSED, BY_ALICE, ModelChange.APPROVE, Role.APPROVER, BOB))
                .isEqualTo(new Allowed(ModelStatus.APPROVED));
        assertThat(decide(ModelStatus.APPROVED, BY_ALICE.approved(BOB, Instant.EPOCH), ModelChange.ACTIVATE,
                Role.ADMIN, ALICE)).isEqualTo(new Allowed(ModelStatus.ACTIVE));
    }

    @Test
    void the_author_may_not_approve_their_own_model_even_with_the_approver_role() {
        ModelDecision decision = decide(ModelStatus.PROPOSED, BY_ALICE, ModelChange.APPROVE, Role.APPROVER, ALICE);
        assertThat(decision).isInstanceOf(Refused.class);
        assertThat(((Refused) decision).refusal()).isEqualTo(Refusal.OWN_MODEL);
    }

    @Test
    void an_admin_may_not_approve_without_the_approver_role() {
        ModelDecision decision = decide(ModelStatus.PROPOSED, BY_ALICE, ModelChange.APPROVE, Role.ADMIN, BOB);
        assertThat(((Refused) decision).refusal()).isEqualTo(Refusal.NOT_AN_APPROVER);
    }

    @Test
    void a_draft_cannot_be_approved_or_activated_before_it_is_proposed_and_approved() {
        assertThat(((Refused) decide(ModelStatus.DRAFT, BY_ALICE, ModelChange.APPROVE, Role.APPROVER, BOB))
                .refusal()).isEqualTo(Refusal.WRONG_STATUS);
        assertThat(((Refused) decide(ModelStatus.PROPOSED, BY_ALICE, ModelChange.ACTIVATE, Role.ADMIN, BOB))
                .refusal()).isEqualTo(Refusal.WRONG_STATUS);
    }

    @Test
    void a_retired_version_that_was_approved_can_be_activated_again_as_a_rollback() {
        assertThat(decide(ModelStatus.RETIRED, BY_ALICE.approved(BOB, Instant.EPOCH), ModelChange.ACTIVATE,
                Role.ADMIN, ALICE)).isEqualTo(new Allowed(ModelStatus.ACTIVE));
        assertThat(decide(ModelStatus.RETIRED, BY_ALICE, ModelChange.ACTIVATE, Role.ADMIN, ALICE))
                .isInstanceOf(Refused.class);
    }

    @Test
    void the_active_version_is_not_retired_directly_so_a_segment_always_has_a_model() {
        assertThat(decide(ModelStatus.ACTIVE, ModelReview.NONE, ModelChange.RETIRE, Role.ADMIN, ALICE))
                .isInstanceOf(Refused.class);
        assertThat(decide(ModelStatus.PROPOSED, BY_ALICE, ModelChange.RETIRE, Role.ADMIN, ALICE))
                .isEqualTo(new Allowed(ModelStatus.RETIRED));
    }
}
