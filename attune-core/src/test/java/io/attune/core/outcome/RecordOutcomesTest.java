package io.attune.core.outcome;

import static io.attune.core.TestModels.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.event.Event;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.ActionIntake;
import io.attune.core.ingest.ApplyLeadAction;
import io.attune.core.ingest.InMemoryLeadBook;
import io.attune.core.ingest.RecordEvent;
import io.attune.core.ingest.Recorded;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Bant;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.lifecycle.Money;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.outcome.OutcomeResult.Moved;
import io.attune.core.outcome.OutcomeResult.Stored;
import io.attune.core.outcome.OutcomeResult.Unchanged;
import io.attune.core.workspace.WorkspaceId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RecordOutcomesTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-outcomes");
    private static final Instant T0 = TestEvents.T0;
    private static final Instant NOW = T0.plus(Duration.ofDays(30));
    private static final ScoringModel MODEL = TestModels.model("employer-test", Segment.EMPLOYER)
            .threshold(60)
            .fit(rule("benefits_title").when("has(lead.title) && lead.title.matches('(?i)benefits')").points(20))
            .engagement(rule("demo_request").kind("track").names("Demo Requested").points(30),
                    rule("roi_calculator").kind("track").names("ROI Calculator Completed").points(25))
            .compile();
    private static final ModelCatalog MODELS = TestModels.catalog(Segment.EMPLOYER, MODEL);
    private static final Actor CRM_KEY = new Actor.ApiKey("key_crm");
    private static final Bant BANT = new Bant("$120k approved", "the VP Benefits signs", "EAP utilisation is 3%",
            "live for open enrolment");
    private static final Money DEAL = new Money(new BigDecimal("120000.00"), "USD");

    private final InMemoryLeadBook book = new InMemoryLeadBook();
    private final RecordEvent events = new RecordEvent(WORKSPACE, MODELS, book, new LeadScoring());
    private final ApplyLeadAction apply = new ApplyLeadAction(MODELS, book, LifecyclePolicy.DEFAULT);
    private final ActionIntake intake = (workspace, action) -> CompletableFuture.completedFuture(apply.apply(action));
    private final ListOutcomes outcomes = new ListOutcomes();
    private final LeadFinder finder = (workspace, reference) -> (reference instanceof LeadReference.ById byId
            ? book.survivorOf(byId.id())
            : book.leadOf(((LeadReference.ByIdentity) reference).identity()).flatMap(book::survivorOf))
            .flatMap(book::lead);
    private final RecordOutcomes recordOutcomes = new RecordOutcomes(finder, outcomes, intake);

    private LeadId mql() {
        record(TestEvents.user("u-vp").at(T0).identify(Map.of("title", "VP Benefits", "email", "vp@acme.com")));
        record(TestEvents.user("u-vp").at(T0).track("Demo Requested"));
        record(TestEvents.user("u-vp").at(T0).track("ROI Calculator Completed"));
        LeadState lead = lead("u-vp");
        assertThat(lead.stage()).isEqualTo(Stage.MQL);
        return lead.id();
    }

    private void record(Event event) {
        assertThat(events.record(event)).isInstanceOf(Recorded.Accepted.class);
    }

    private LeadState lead(String userId) {
        return book.leadOf(new Identity(IdentityKind.USER_ID, userId)).flatMap(book::lead).orElseThrow();
    }

    private List<OutcomeResult> send(OutcomeUpdate... updates) {
        return recordOutcomes.record(WORKSPACE, List.of(updates), new OutcomeSource("salesforce"), CRM_KEY, NOW);
    }

    private static OutcomeUpdate update(LeadReference lead, OutcomeStatus status, Instant at, String crmId) {
        return new OutcomeUpdate(lead, status, at, Optional.empty(), Optional.of(new CrmRecordId(crmId)),
                Optional.empty());
    }

    private static LeadReference byEmail(String email) {
        return new LeadReference.ByIdentity(new Identity(IdentityKind.EMAIL, email));
    }

    @Test
    void a_deal_reported_out_of_order_moves_the_lead_in_the_order_it_happened_and_every_outcome_is_stored() {
        LeadId id = mql();
        LeadReference vp = new LeadReference.ById(id);
        OutcomeUpdate won = new OutcomeUpdate(vp, OutcomeStatus.WON, T0.plus(Duration.ofDays(20)), Optional.of(DEAL),
                Optional.of(new CrmRecordId("006A")), Optional.empty());
        OutcomeUpdate opportunity = update(vp, OutcomeStatus.OPPORTUNITY, T0.plus(Duration.ofDays(10)), "006A");
        OutcomeUpdate sql = new OutcomeUpdate(byEmail("VP@acme.com"), OutcomeStatus.SQL, T0.plus(Duration.ofDays(2)),
                Optional.empty(), Optional.empty(), Optional.of(BANT));

        List<OutcomeResult> results = send(won, opportunity, sql);

        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(Stored.class));
        assertThat(results).extracting(result -> ((Moved) ((Stored) result).stage()).to())
                .containsExactly(Stage.CUSTOMER, Stage.OPPORTUNITY, Stage.SQL);
        LeadState customer = lead("u-vp");
        assertThat(customer.stage()).isEqualTo(Stage.CUSTOMER);
        assertThat(customer.sales().won()).contains(DEAL);
        assertThat(customer.sales().bant()).contains(BANT);
        assertThat(book.transitions()).last().satisfies(move -> {
            assertThat(move.actor()).isEqualTo(CRM_KEY);
            assertThat(move.at()).isEqualTo(NOW);
        });
        assertThat(outcomes.stored.values()).extracting(Outcome::status)
                .containsExactlyInAnyOrder(OutcomeStatus.SQL, OutcomeStatus.OPPORTUNITY, OutcomeStatus.WON);
        Outcome stored = outcomes.stored.get(((Stored) results.get(0)).outcome().id());
        assertThat(stored.lead()).isEqualTo(id);
        assertThat(stored.amount()).contains(DEAL);
        assertThat(stored.occurredAt()).isEqualTo(T0.plus(Duration.ofDays(20)));
        assertThat(stored.source()).isEqualTo(new OutcomeSource("salesforce"));
        assertThat(stored.recordedBy()).isEqualTo(CRM_KEY);
    }

    @Test
    void the_same_update_sent_twice_is_stored_once_and_moves_the_lead_once() {
        LeadId id = mql();
        OutcomeUpdate sql = new OutcomeUpdate(new LeadReference.ById(id), OutcomeStatus.SQL, T0.plusSeconds(60),
                Optional.empty(), Optional.of(new CrmRecordId("00Q7")), Optional.of(BANT));

        List<OutcomeResult> first = send(sql, sql);
        int transitions = book.transitions().size();
        List<OutcomeResult> again = send(sql);

        assertThat(first.get(0)).isInstanceOf(Stored.class);
        assertThat(first.get(1)).isEqualTo(new OutcomeResult.Duplicate(((Stored) first.get(0)).outcome().id(), id));
        assertThat(again).containsExactly(first.get(1));
        assertThat(outcomes.stored).hasSize(1);
        assertThat(book.transitions()).hasSize(transitions);
        assertThat(lead("u-vp").stage()).isEqualTo(Stage.SQL);
    }

    @Test
    void an_unknown_lead_is_reported_by_the_kind_of_its_reference_and_nothing_is_stored() {
        mql();

        List<OutcomeResult> results = send(update(byEmail("nobody@example.org"), OutcomeStatus.WON, T0, "006B"),
                update(new LeadReference.ById(new LeadId("ld_" + "0".repeat(24))), OutcomeStatus.LOST, T0, "006C"),
                update(new LeadReference.ByIdentity(new Identity(IdentityKind.USER_ID, "u-ghost")), OutcomeStatus.SQL,
                        T0, "00Q1"));

        assertThat(results).containsExactly(new OutcomeResult.UnknownLead("email"),
                new OutcomeResult.UnknownLead("id"), new OutcomeResult.UnknownLead("userId"));
        assertThat(outcomes.stored).isEmpty();
        assertThat(lead("u-vp").stage()).isEqualTo(Stage.MQL);
    }

    @Test
    void an_sql_without_bant_is_stored_and_leaves_the_stage_saying_why() {
        mql();

        List<OutcomeResult> results = send(update(byEmail("vp@acme.com"), OutcomeStatus.SQL, T0, "00Q2"));

        assertThat(results).singleElement().isInstanceOfSatisfying(Stored.class, stored ->
                assertThat(stored.stage()).isEqualTo(new Unchanged(RecordOutcomes.NO_BANT)));
        assertThat(lead("u-vp").stage()).isEqualTo(Stage.MQL);
        assertThat(outcomes.stored).hasSize(1);
    }

    @Test
    void a_move_the_lifecycle_refuses_is_stored_with_the_stage_unchanged_and_the_reason() {
        mql();
        record(TestEvents.user("u-eng").at(T0).identify(Map.of("title", "Engineer", "email", "eng@acme.com")));

        List<OutcomeResult> results = send(update(byEmail("vp@acme.com"), OutcomeStatus.WON, T0, "006D"),
                update(byEmail("eng@acme.com"), OutcomeStatus.OPPORTUNITY, T0, "006E"));

        assertThat(results.get(0)).isInstanceOfSatisfying(Stored.class, stored -> assertThat(stored.stage())
                .isEqualTo(new Unchanged("cannot won this lead: a lead cannot move from mql to customer; from mql it "
                        + "can move to [crisis_hold, disqualified, recycled, sql]")));
        assertThat(results.get(1)).isInstanceOfSatisfying(Stored.class, stored -> assertThat(
                ((Unchanged) stored.stage()).reason()).contains("cannot move from lead to opportunity"));
        assertThat(lead("u-vp").stage()).isEqualTo(Stage.MQL);
        assertThat(lead("u-eng").stage()).isEqualTo(Stage.LEAD);
        assertThat(outcomes.stored).hasSize(2);
    }

    @Test
    void a_win_reported_for_an_sql_passes_through_the_opportunity_it_implies() {
        LeadId id = mql();
        LeadReference vp = new LeadReference.ById(id);
        send(new OutcomeUpdate(vp, OutcomeStatus.SQL, T0, Optional.empty(), Optional.empty(), Optional.of(BANT)));

        List<OutcomeResult> won = send(new OutcomeUpdate(vp, OutcomeStatus.WON, T0.plusSeconds(60),
                Optional.of(DEAL), Optional.of(new CrmRecordId("006W")), Optional.empty()));

        assertThat(won).singleElement().isInstanceOfSatisfying(Stored.class, stored -> {
            Moved moved = (Moved) stored.stage();
            assertThat(moved.transitions()).extracting(move -> move.from() + "->" + move.to())
                    .containsExactly("SQL->OPPORTUNITY", "OPPORTUNITY->CUSTOMER");
            assertThat(moved.from()).isEqualTo(Stage.SQL);
            assertThat(moved.to()).isEqualTo(Stage.CUSTOMER);
        });
        assertThat(lead("u-vp").sales().opportunity()).contains(DEAL);
        assertThat(lead("u-vp").sales().won()).contains(DEAL);
    }

    @Test
    void updates_for_one_lead_in_one_request_are_planned_from_the_stage_the_earlier_ones_leave() {
        LeadId id = mql();
        LeadReference vp = new LeadReference.ById(id);

        List<OutcomeResult> results = send(update(vp, OutcomeStatus.LOST, T0.plusSeconds(2), "006X"),
                new OutcomeUpdate(vp, OutcomeStatus.SQL, T0, Optional.empty(), Optional.empty(), Optional.of(BANT)),
                update(vp, OutcomeStatus.WON, T0.plusSeconds(1), "006X"));

        assertThat(results).extracting(result -> ((Stored) result).stage()).satisfiesExactly(
                lost -> assertThat(((Unchanged) lost).reason()).contains("cannot move from customer to recycled"),
                sql -> assertThat(((Moved) sql).to()).isEqualTo(Stage.SQL),
                won -> assertThat(((Moved) won).transitions()).hasSize(2));
        assertThat(lead("u-vp").stage()).isEqualTo(Stage.CUSTOMER);
    }

    @Test
    void a_second_win_on_another_crm_record_is_stored_and_says_the_lead_is_already_a_customer() {
        LeadId id = mql();
        LeadReference vp = new LeadReference.ById(id);
        send(new OutcomeUpdate(vp, OutcomeStatus.SQL, T0, Optional.empty(), Optional.empty(), Optional.of(BANT)),
                update(vp, OutcomeStatus.OPPORTUNITY, T0.plusSeconds(1), "006F"),
                update(vp, OutcomeStatus.WON, T0.plusSeconds(2), "006F"));

        List<OutcomeResult> second = send(update(vp, OutcomeStatus.WON, T0.plusSeconds(3), "006G"));

        assertThat(second).singleElement().isInstanceOfSatisfying(Stored.class, stored ->
                assertThat(stored.stage()).isEqualTo(new Unchanged("the lead is already customer")));
        assertThat(outcomes.stored).hasSize(4);
    }

    @Test
    void an_update_naming_a_merged_away_lead_is_stored_against_the_lead_it_was_merged_into() {
        record(TestEvents.anonymous("anon-9").at(T0).page("/pricing"));
        LeadId mergedAway = LeadId.derivedFrom(WORKSPACE, new Identity(IdentityKind.ANONYMOUS_ID, "anon-9"));
        LeadId survivor = mql();
        record(TestEvents.user("u-vp", "anon-9").at(T0.plusSeconds(5)).page("/pricing"));
        assertThat(book.survivorOf(mergedAway)).contains(survivor);

        List<OutcomeResult> results = send(update(new LeadReference.ById(mergedAway), OutcomeStatus.LOST, T0, "006H"));

        assertThat(results).singleElement().isInstanceOfSatisfying(Stored.class, stored -> {
            assertThat(stored.outcome().lead()).isEqualTo(survivor);
            assertThat(((Moved) stored.stage()).to()).isEqualTo(Stage.RECYCLED);
        });
    }

    @Test
    void an_outcome_is_named_by_its_lead_status_time_and_crm_record_only() {
        LeadId lead = new LeadId("ld_" + "a".repeat(24));
        Instant at = Instant.parse("2026-03-01T10:00:00.123456Z");
        Outcome outcome = new Outcome(lead, OutcomeStatus.WON, at, Optional.of(DEAL),
                Optional.of(new CrmRecordId("006J")), OutcomeSource.API, CRM_KEY, NOW);
        Outcome resent = new Outcome(lead, OutcomeStatus.WON, at.minusNanos(456_000), Optional.empty(),
                Optional.of(new CrmRecordId("006J")), OutcomeSource.CSV, new Actor.System("import"),
                NOW.plusSeconds(9));

        assertThat(resent.id()).isEqualTo(outcome.id());
        assertThat(outcome.occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
        assertThat(OutcomeId.of(lead, OutcomeStatus.WON, at, Optional.empty())).isNotEqualTo(outcome.id());
        assertThat(OutcomeId.of(lead, OutcomeStatus.LOST, at, Optional.of(new CrmRecordId("006J"))))
                .isNotEqualTo(outcome.id());
        assertThat(OutcomeId.of(lead, OutcomeStatus.WON, at.plusMillis(1), Optional.of(new CrmRecordId("006J"))))
                .isNotEqualTo(outcome.id());
    }
}
