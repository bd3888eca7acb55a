package io.attune.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.event.Event;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.ScoringGate;
import io.attune.core.lifecycle.ActionOutcome;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Bant;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.lifecycle.Money;
import io.attune.core.lifecycle.RejectionReason;
import io.attune.core.lifecycle.SalesAction;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.scoring.Qualification;
import io.attune.core.workspace.WorkspaceId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplyLeadActionTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-test");
    private static final Instant T0 = TestEvents.T0;
    private static final ModelCatalog MODELS = TestModels.catalog(Segment.EMPLOYER, IngestModels.CONSUMER,
            IngestModels.EMPLOYER);
    private static final LifecyclePolicy POLICY = new LifecyclePolicy(0.25, Duration.ofDays(30));
    private static final Actor REP = new Actor.User("rep-17");
    private static final Bant BANT = new Bant("$120k approved for 2027", "VP Benefits signs", "EAP utilisation 3%",
            "go-live with open enrolment");

    private final InMemoryLeadBook book = new InMemoryLeadBook();
    private final RecordEvent record = new RecordEvent(WORKSPACE, MODELS, book, new LeadScoring(), POLICY,
            ScoringGate.STANDARD, DataDictionary.defaults());
    private final ApplyLeadAction apply = new ApplyLeadAction(MODELS, book, POLICY);

    private LeadId mql() {
        record(TestEvents.user("u-vp").identify(Map.of("title", "VP Benefits", "email", "vp@acme.com")));
        record(TestEvents.user("u-vp").after(Duration.ofMinutes(5)).track("Demo Requested"));
        record(TestEvents.user("u-vp").after(Duration.ofMinutes(6)).track("ROI Calculator Completed"));
        LeadState lead = lead();
        assertThat(lead.stage()).isEqualTo(Stage.MQL);
        return lead.id();
    }

    private void record(Event event) {
        assertThat(record.record(event)).isInstanceOf(Recorded.Accepted.class);
    }

    private LeadState lead() {
        return book.lead(book.leadOf(new Identity(IdentityKind.USER_ID, "u-vp")).orElseThrow()).orElseThrow();
    }

    private ActionOutcome act(LeadId lead, SalesAction action, Instant at) {
        return apply.apply(new LeadAction(lead, action, REP, at));
    }

    @Test
    void accepting_an_mql_makes_it_an_sql_with_its_bant_and_records_who() {
        LeadId id = mql();

        ActionOutcome outcome = act(id, new SalesAction.Accept(BANT), T0.plus(Duration.ofHours(2)));

        assertThat(outcome).isInstanceOf(ActionOutcome.Applied.class);
        assertThat(lead().stage()).isEqualTo(Stage.SQL);
        assertThat(lead().sales().bant()).contains(BANT);
        assertThat(book.transitions()).last().satisfies(move -> {
            assertThat(move.from()).isEqualTo(Stage.MQL);
            assertThat(move.to()).isEqualTo(Stage.SQL);
            assertThat(move.actor()).isEqualTo(REP);
        });
        assertThat(book.actions()).singleElement().extracting(LeadAction::action).isEqualTo(new SalesAction.Accept(BANT));
    }

    @Test
    void an_illegal_move_is_refused_with_the_moves_that_are_allowed() {
        LeadId id = mql();

        ActionOutcome outcome = act(id, new SalesAction.Won(Optional.empty()), T0.plus(Duration.ofHours(2)));

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Refused.class, refused -> assertThat(refused.reason())
                .isEqualTo("cannot won this lead: a lead cannot move from mql to customer; from mql it can move to "
                        + "[crisis_hold, disqualified, recycled, sql]"));
        assertThat(lead().stage()).isEqualTo(Stage.MQL);
        assertThat(book.actions()).isEmpty();
    }

    @Test
    void not_ready_recycles_keeping_a_quarter_of_the_engagement_and_requalifies_only_after_the_quiet_period() {
        LeadId id = mql();
        Instant rejected = T0.plus(Duration.ofHours(1));
        double before = Qualification.of(IngestModels.EMPLOYER, lead(), rejected).engagement();

        act(id, new SalesAction.Reject(RejectionReason.NOT_READY, Optional.of("budget next year")), rejected);

        assertThat(lead().stage()).isEqualTo(Stage.RECYCLED);
        assertThat(Qualification.of(IngestModels.EMPLOYER, lead(), rejected).engagement())
                .isCloseTo(before * 0.25, within(1e-9));
        record(TestEvents.user("u-vp").at(rejected.plus(Duration.ofDays(2))).track("Demo Requested"));
        record(TestEvents.user("u-vp").at(rejected.plus(Duration.ofDays(2))).track("ROI Calculator Completed"));
        assertThat(lead().stage()).as("within the quiet period").isEqualTo(Stage.RECYCLED);
        record(TestEvents.user("u-vp").at(rejected.plus(Duration.ofDays(31))).track("Demo Requested"));
        assertThat(lead().stage()).as("after the quiet period").isEqualTo(Stage.MQL);
    }

    @Test
    void a_competitor_rejection_disqualifies_for_good() {
        LeadId id = mql();

        act(id, new SalesAction.Reject(RejectionReason.COMPETITOR, Optional.empty()), T0.plus(Duration.ofHours(1)));
        record(TestEvents.user("u-vp").at(T0.plus(Duration.ofDays(60))).track("Demo Requested"));

        assertThat(lead().stage()).isEqualTo(Stage.DISQUALIFIED);
        assertThat(lead().sales().rejection()).contains(RejectionReason.COMPETITOR);
    }

    @Test
    void an_sql_becomes_an_opportunity_then_a_customer_with_its_amounts() {
        LeadId id = mql();
        Money deal = new Money(new BigDecimal("250000"), "USD");

        act(id, new SalesAction.Accept(BANT), T0.plus(Duration.ofHours(1)));
        act(id, new SalesAction.ConvertToOpportunity(Optional.of(deal)), T0.plus(Duration.ofDays(3)));
        ActionOutcome won = act(id, new SalesAction.Won(Optional.of(deal)), T0.plus(Duration.ofDays(40)));

        assertThat(won).isInstanceOfSatisfying(ActionOutcome.Applied.class, applied ->
                assertThat(applied.transition().cause()).isEqualTo("won (250000 USD)"));
        assertThat(lead().stage()).isEqualTo(Stage.CUSTOMER);
        assertThat(lead().sales().opportunity()).contains(deal);
        assertThat(lead().sales().won()).contains(deal);
    }

    @Test
    void a_lost_opportunity_is_recycled() {
        LeadId id = mql();
        act(id, new SalesAction.Accept(BANT), T0.plus(Duration.ofHours(1)));
        act(id, new SalesAction.ConvertToOpportunity(Optional.empty()), T0.plus(Duration.ofDays(3)));

        act(id, new SalesAction.Lost(Optional.of("chose an incumbent EAP")), T0.plus(Duration.ofDays(20)));

        assertThat(lead().stage()).isEqualTo(Stage.RECYCLED);
        assertThat(lead().sales().recycledAt()).contains(T0.plus(Duration.ofDays(20)));
    }

    @Test
    void an_unknown_lead_is_reported_and_a_merged_away_id_acts_on_the_survivor() {
        assertThat(act(LeadId.derivedFrom(WORKSPACE, new Identity(IdentityKind.USER_ID, "nobody")),
                new SalesAction.Accept(BANT), T0)).isInstanceOf(ActionOutcome.UnknownLead.class);

        record(TestEvents.anonymous("laptop").page("/pricing"));
        LeadId laptop = book.leadOf(new Identity(IdentityKind.ANONYMOUS_ID, "laptop")).orElseThrow();
        LeadId survivor = mql();
        record(TestEvents.user("u-vp", "laptop").after(Duration.ofMinutes(8)).track("Viewed"));
        LeadId live = book.leadOf(new Identity(IdentityKind.ANONYMOUS_ID, "laptop")).orElseThrow();

        assertThat(live).isEqualTo(survivor).isNotEqualTo(laptop);
        assertThat(act(laptop, new SalesAction.Accept(BANT), T0.plus(Duration.ofHours(1))))
                .isInstanceOfSatisfying(ActionOutcome.Applied.class, applied ->
                        assertThat(applied.lead().id()).isEqualTo(survivor));
    }

    @Test
    void a_rejection_for_another_reason_needs_a_note() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SalesAction.Reject(RejectionReason.OTHER,
                Optional.of(" "))).hasMessage("a rejection for reason other needs a note saying why");
    }
}
