package io.attune.server.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.identity.LeadId;
import io.attune.core.TestEvents;
import io.attune.core.condition.ConditionCompiler;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Actor;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.model.StoredModel;
import io.attune.core.outcome.Outcome;
import io.attune.core.outcome.OutcomeSource;
import io.attune.core.outcome.OutcomeStatus;
import io.attune.core.scoring.Qualification;
import io.attune.server.fakes.FakeStore;
import io.attune.server.fakes.Tenant;
import io.attune.server.support.ApiFixture;
import io.attune.store.model.YamlModels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BacktesterTest {
    private final ApiFixture fixture = new ApiFixture();
    private final Backtester backtester = fixture.backtester();
    private final ScoringModel active = fixture.store.models().catalog(fixture.acme.id()).active(Segment.EMPLOYER);
    private final ScoringModel grades = fixture.store.models().model(fixture.acme.id(),
            new ModelVersion("employer-test", 2)).orElseThrow().model();

    private Backtest run(ScoringModel candidate, java.time.Instant to) {
        List<LeadId> leads = backtester.leadsOf(fixture.acme.id(), candidate);
        return backtester.run(fixture.acme.id(), candidate, Optional.empty(), to, leads, replayed -> { });
    }

    @Test
    void a_backtest_of_the_active_model_reproduces_every_live_score_exactly() {
        Backtest backtest = run(active, ApiFixture.NOW);

        assertThat(backtest.byLead()).hasSize(9);
        for (LeadId id : backtest.byLead().keySet()) {
            LeadState live = fixture.store.leads().lead(fixture.acme.id(), id).orElseThrow();
            Backtest.Pair pair = backtest.byLead().get(id);
            assertThat(pair.active().score()).as(id.value()).isEqualTo(live.score());
            assertThat(pair.candidate().score()).as(id.value()).isEqualTo(live.score());
            assertThat(pair.active().total()).isEqualTo(Qualification.of(active, live, ApiFixture.NOW).total());
        }
        assertThat(backtest.byLead().get(fixture.pat).active().total()).isEqualTo(61.25);
        assertThat(backtest.newlyQualifying()).isEmpty();
        assertThat(backtest.noLongerQualifying()).isEmpty();
        assertThat(backtest.activeSide().mqls()).isEqualTo(1);
        assertThat(backtest.activeSide().mqlsPerWeek()).containsOnlyKeys(Backtester.weekOf(ApiFixture.T0));
    }

    @Test
    void a_backtest_of_an_active_model_with_a_learned_term_reproduces_every_live_score_exactly() throws Exception {
        String text = ApiFixture.modelText("employer-test-1.yaml") + """

                learned:
                  points: 30
                  intercept: -2
                  weights: {vp_title: 0.05, pricing_page: 0.1, demo_requested: 0.02}
                  calibration: {slope: 0.9, offset: 0.1}
                  trainedOn: backtest test
                """;
        FakeStore store = new FakeStore();
        ScoringModel learned = YamlModels.load("employer-test-1.yaml", text, new ModelCompiler(new ConditionCompiler()));
        Tenant tenant = store.tenant("Learned", Segment.EMPLOYER, List.of(new StoredModel(learned, text, "active",
                ApiFixture.T0)), ApiFixture.T0);
        LeadId vp = tenant.record(
                TestEvents.user("u-vp").at(ApiFixture.T0).identify(Map.of("title", "VP Benefits")),
                TestEvents.user("u-vp").at(ApiFixture.T0).page("/pricing"),
                TestEvents.user("u-vp").at(ApiFixture.T0).track("Demo Requested"));
        LeadId reader = tenant.record(TestEvents.user("u-reader").at(ApiFixture.T0).page("/pricing"));
        Backtester learnedBacktester = new Backtester(store.leads(), store.outcomes(), store.models(),
                store.workspaces(), store.classifications());

        Backtest backtest = learnedBacktester.run(tenant.id(), learned, Optional.empty(), ApiFixture.NOW,
                learnedBacktester.leadsOf(tenant.id(), learned), replayed -> { });

        for (LeadId id : List.of(vp, reader)) {
            LeadState live = store.leads().lead(tenant.id(), id).orElseThrow();
            Backtest.Pair pair = backtest.byLead().get(id);
            assertThat(pair.active().score()).as(id.value()).isEqualTo(live.score());
            assertThat(pair.active().total()).as(id.value())
                    .isEqualTo(Qualification.of(learned, live, ApiFixture.NOW).total());
        }
        // 20 + 41.25 + 30 × sigmoid(0.9 × (−2 + 0.05 × 20 + 0.1 × 11.25 + 0.02 × 30) + 0.1)
        assertThat(backtest.byLead().get(vp).active().total()).isCloseTo(81.64169577416617, within(1e-9));
        // 11.25 + 30 × sigmoid(0.9 × (−2 + 1.125) + 0.1)
        assertThat(backtest.byLead().get(reader).active().total()).isCloseTo(21.28768323759558, within(1e-9));
        assertThat(backtest.activeSide().mqls()).isEqualTo(1);
    }

    @Test
    void a_lead_that_would_stop_qualifying_is_listed_with_the_rules_that_made_it_qualify() {
        Backtest backtest = run(grades, ApiFixture.NOW);

        assertThat(backtest.noLongerQualifying()).singleElement().satisfies(change -> {
            assertThat(change.lead()).isEqualTo(fixture.pat);
            assertThat(change.activeScore()).isEqualTo(61.25);
            // under the draft only the pricing page counts: 20 fit + 15 × 0.75
            assertThat(change.candidateScore()).isEqualTo(31.25);
            assertThat(change.qualifiedAt()).contains(ApiFixture.T0);
            assertThat(change.reasons()).containsExactly(new LeadRun.Reason("demo_requested", 30),
                    new LeadRun.Reason("vp_title", 20), new LeadRun.Reason("pricing_page", 11.25));
        });
        assertThat(backtest.candidateSide().mqls()).isZero();
    }

    @Test
    void scores_as_of_a_past_date_replay_only_the_events_up_to_it() {
        Backtest backtest = run(active, ApiFixture.T0);

        assertThat(backtest.byLead()).doesNotContainKeys(fixture.readers.toArray(LeadId[]::new));
        // no decay yet at T0: 20 fit + 15 pricing + 40 demo
        assertThat(backtest.byLead().get(fixture.pat).active().total()).isEqualTo(75);
        assertThat(backtest.activeSide().distribution()[7]).isEqualTo(1);
    }

    @Test
    void known_outcomes_give_precision_recall_and_auc_per_model() {
        fixture.store.outcomes().store(fixture.acme.id(), List.of(new Outcome(fixture.pat, OutcomeStatus.SQL,
                ApiFixture.LATER, Optional.empty(), Optional.empty(), OutcomeSource.API, new Actor.ApiKey("key_crm"),
                ApiFixture.LATER)));

        Backtest.Metrics metrics = run(grades, ApiFixture.NOW).outcomes().orElseThrow();

        assertThat(metrics.active().precision()).isEqualTo(1.0);
        assertThat(metrics.active().recall()).isEqualTo(1.0);
        assertThat(metrics.active().rocAuc()).contains(1.0);
        assertThat(metrics.candidate().mqls()).isZero();
        assertThat(metrics.candidate().recall()).isZero();
        assertThat(metrics.candidate().sqls()).isEqualTo(1);
    }
}
