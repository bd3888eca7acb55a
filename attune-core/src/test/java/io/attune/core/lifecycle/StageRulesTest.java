package io.attune.core.lifecycle;

import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.LeadTraits;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.scoring.DecayingValue;
import io.attune.core.scoring.Disqualification;
import io.attune.core.scoring.LeadScore;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import io.attune.core.lead.SalesRecord;

class StageRulesTest {
    private static final LifecyclePolicy POLICY = LifecyclePolicy.DEFAULT;
    private static final Instant T0 = TestEvents.T0;
    private static final LeadId PAT = LeadId.derivedFrom(new WorkspaceId("ws"), new Identity(IdentityKind.USER_ID, "pat"));

    private final ScoringModel model = TestModels.model("stages", Segment.EMPLOYER).threshold(50)
            .fit(rule("any").when("true").points(1)).compile();

    @Test
    void a_subscriber_who_identifies_becomes_a_lead() {
        List<Transition> moves = StageRules.next(model, lead(Stage.SUBSCRIBER, true, 10), T0, POLICY);

        assertThat(moves).singleElement().satisfies(move -> {
            assertThat(move.lead()).isEqualTo(PAT);
            assertThat(move.from()).isEqualTo(Stage.SUBSCRIBER);
            assertThat(move.to()).isEqualTo(Stage.LEAD);
            assertThat(move.cause()).isEqualTo("identified");
            assertThat(move.at()).isEqualTo(T0);
            assertThat(move.actor()).isEqualTo(new Actor.Model(new ModelVersion("stages", 1)));
            assertThat(move.actor().describe()).isEqualTo("model:stages@1");
        });
    }

    @Test
    void a_lead_whose_score_qualifies_becomes_an_mql() {
        List<Transition> moves = StageRules.next(model, lead(Stage.LEAD, true, 60), T0, POLICY);

        assertThat(moves).singleElement().satisfies(move -> {
            assertThat(move.to()).isEqualTo(Stage.MQL);
            assertThat(move.cause()).isEqualTo("score 60.0 reached threshold 50.0");
        });
    }

    @Test
    void a_subscriber_who_identifies_with_a_qualifying_score_moves_twice() {
        List<Transition> moves = StageRules.next(model, lead(Stage.SUBSCRIBER, true, 60), T0, POLICY);

        assertThat(moves).extracting(Transition::from, Transition::to).containsExactly(
                tuple(Stage.SUBSCRIBER, Stage.LEAD),
                tuple(Stage.LEAD, Stage.MQL));
    }

    @Test
    void an_anonymous_lead_never_reaches_mql() {
        assertThat(StageRules.next(model, lead(Stage.SUBSCRIBER, false, 500), T0, POLICY)).isEmpty();
        assertThat(StageRules.next(model, lead(Stage.LEAD, false, 500), T0, POLICY)).isEmpty();
    }

    @Test
    void an_anonymous_lead_whose_disqualification_lifts_goes_back_to_subscriber() {
        List<Transition> moves = StageRules.next(model, lead(Stage.DISQUALIFIED, false, 500), T0, POLICY);

        assertThat(moves).extracting(Transition::from, Transition::to)
                .containsExactly(tuple(Stage.DISQUALIFIED, Stage.SUBSCRIBER));
    }

    @Test
    void a_disqualified_lead_returns_to_lead_when_no_rule_matches_and_may_qualify_at_once() {
        List<Transition> moves = StageRules.next(model, lead(Stage.DISQUALIFIED, true, 60), T0, POLICY);

        assertThat(moves).extracting(Transition::to).containsExactly(Stage.LEAD, Stage.MQL);
        assertThat(moves.get(0).cause()).isEqualTo("no disqualifying rule matches any more");
    }

    @Test
    void a_disqualifying_rule_takes_subscribers_leads_and_waitlisted_leads_out() {
        for (Stage stage : List.of(Stage.SUBSCRIBER, Stage.LEAD, Stage.WAITLISTED)) {
            assertThat(StageRules.next(model, disqualified(stage), T0, POLICY)).as(stage.wireName()).singleElement()
                    .satisfies(move -> {
                        assertThat(move.to()).isEqualTo(Stage.DISQUALIFIED);
                        assertThat(move.cause()).isEqualTo("disqualified by competitor: competitor");
                    });
        }
    }

    @Test
    void a_recycled_lead_qualifies_again_only_after_the_quiet_period() {
        LeadState recycled = lead(Stage.RECYCLED, true, 500)
                .withSales(SalesRecord.NONE.recycled(T0.minus(Duration.ofDays(10)), DecayingValue.ZERO));

        assertThat(StageRules.next(model, recycled, T0, new LifecyclePolicy(0.25, Duration.ofDays(30)))).isEmpty();
        assertThat(StageRules.next(model, recycled, T0, new LifecyclePolicy(0.25, Duration.ofDays(10))))
                .singleElement().satisfies(move -> {
                    assertThat(move.to()).isEqualTo(Stage.MQL);
                    assertThat(move.cause()).startsWith("qualified again after the quiet period");
                });
    }

    @Test
    void a_lead_sales_disqualified_stays_disqualified_when_no_rule_matches() {
        LeadState rejected = lead(Stage.DISQUALIFIED, true, 500)
                .withSales(SalesRecord.NONE.rejected(RejectionReason.COMPETITOR, java.util.Optional.empty()));

        assertThat(StageRules.next(model, rejected, T0, POLICY)).isEmpty();
    }

    @Test
    void sales_stages_are_left_to_sales_even_when_a_rule_disqualifies() {
        for (Stage stage : List.of(Stage.MQL, Stage.SQL, Stage.OPPORTUNITY, Stage.CUSTOMER)) {
            assertThat(StageRules.next(model, disqualified(stage), T0, POLICY)).as(stage.wireName()).isEmpty();
            assertThat(StageRules.next(model, lead(stage, true, 500), T0, POLICY)).as(stage.wireName()).isEmpty();
        }
    }

    @Test
    void crisis_hold_never_moves() {
        assertThat(StageRules.next(model, lead(Stage.CRISIS_HOLD, true, 500), T0, POLICY)).isEmpty();
        assertThat(StageRules.next(model, disqualified(Stage.CRISIS_HOLD), T0, POLICY)).isEmpty();
    }

    @Test
    void every_automatic_move_is_one_the_lifecycle_allows() {
        for (Stage stage : Stage.values()) {
            for (boolean identified : List.of(true, false)) {
                for (LeadState lead : List.of(lead(stage, identified, 0), lead(stage, identified, 500),
                        disqualified(stage))) {
                    for (Transition move : StageRules.next(model, lead, T0, POLICY)) {
                        assertThat(Lifecycle.allows(move.from(), move.to())).as(move.toString()).isTrue();
                    }
                }
            }
        }
    }

    private LeadState lead(Stage stage, boolean identified, double engagement) {
        LeadScore score = LeadScore.restore(model, 0, List.of(), new DecayingValue(engagement, T0.toEpochMilli()),
                Map.of(), Optional.empty(), Optional.empty());
        return state(stage, identified, score);
    }

    private LeadState disqualified(Stage stage) {
        LeadScore score = LeadScore.restore(model, 0, List.of(), new DecayingValue(500, T0.toEpochMilli()), Map.of(),
                Optional.of(new Disqualification(new RuleId("competitor"), "competitor", T0)), Optional.empty());
        return state(stage, true, score);
    }

    private LeadState state(Stage stage, boolean identified, LeadScore score) {
        return new LeadState(PAT, Segment.EMPLOYER, stage, identified, LeadTraits.NONE, Optional.empty(), Set.of(),
                model.version(), score, T0, T0, 1, T0);
    }
}
