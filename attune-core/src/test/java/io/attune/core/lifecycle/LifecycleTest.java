package io.attune.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void the_funnel_moves_forward_one_stage_at_a_time() {
        assertThat(Lifecycle.allows(Stage.LEAD, Stage.MQL)).isTrue();
        assertThat(Lifecycle.allows(Stage.MQL, Stage.SQL)).isTrue();
        assertThat(Lifecycle.allows(Stage.SQL, Stage.OPPORTUNITY)).isTrue();
        assertThat(Lifecycle.allows(Stage.OPPORTUNITY, Stage.CUSTOMER)).isTrue();
        assertThat(Lifecycle.allows(Stage.LEAD, Stage.SQL)).isFalse();
        assertThat(Lifecycle.allows(Stage.MQL, Stage.CUSTOMER)).isFalse();
    }

    @Test
    void a_refusal_names_the_stages_a_lead_can_move_to() {
        assertThat(Lifecycle.refusal(Stage.SUBSCRIBER, Stage.SQL)).isEqualTo(
                "a lead cannot move from subscriber to sql; from subscriber it can move to "
                        + "[crisis_hold, disqualified, lead, mql, waitlisted]");
        assertThat(Lifecycle.refusal(Stage.CUSTOMER, Stage.LEAD))
                .isEqualTo("a lead cannot move from customer to lead; from customer it can move to [crisis_hold]");
    }

    @Test
    void an_allowed_move_has_no_refusal() {
        assertThat(Lifecycle.refusal(Stage.MQL, Stage.RECYCLED)).isEmpty();
    }

    @Test
    void every_stage_can_be_put_on_crisis_hold_and_crisis_hold_only_returns_to_lead() {
        for (Stage stage : Stage.values()) {
            if (stage != Stage.CRISIS_HOLD) {
                assertThat(Lifecycle.allows(stage, Stage.CRISIS_HOLD)).as(stage.wireName()).isTrue();
            }
        }
        for (Stage to : Stage.values()) {
            assertThat(Lifecycle.allows(Stage.CRISIS_HOLD, to)).as(to.wireName()).isEqualTo(to == Stage.LEAD);
        }
    }

    @Test
    void no_stage_moves_to_itself() {
        for (Stage stage : Stage.values()) {
            assertThat(Lifecycle.allows(stage, stage)).as(stage.wireName()).isFalse();
        }
    }

    @Test
    void a_rejected_lead_is_recycled_and_can_qualify_again() {
        assertThat(Lifecycle.allows(Stage.MQL, Stage.RECYCLED)).isTrue();
        assertThat(Lifecycle.allows(Stage.RECYCLED, Stage.MQL)).isTrue();
    }

    @Test
    void stages_have_wire_names_both_ways() {
        for (Stage stage : Stage.values()) {
            assertThat(Stage.fromWireName(stage.wireName())).contains(stage);
        }
        assertThat(Stage.fromWireName("Lead")).isEmpty();
        assertThat(Stage.CRISIS_HOLD.wireName()).isEqualTo("crisis_hold");
    }
}
