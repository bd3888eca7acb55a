package io.attune.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.account.AccountId;
import io.attune.core.account.AccountState;
import io.attune.core.event.Event;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.jurisdiction.UnknownJurisdiction;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.ScoringGate;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.RuleId;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.scoring.Contribution;
import io.attune.core.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordEventTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-test");
    private static final Instant T0 = TestEvents.T0;
    private static final ModelCatalog EMPLOYER_FIRST = TestModels.catalog(Segment.EMPLOYER, IngestModels.CONSUMER,
            IngestModels.EMPLOYER);
    /**
     * These tests are about scoring, not state law: their consumers live where no consumer-health-data
     * law asks for consent ({@code ScoringGateTest} covers the gate).
     */
    private static final ScoringGate NO_STATE_LAW = new ScoringGate(UnknownJurisdiction.NOT_COVERED);
    private static final ModelCatalog CONSUMER_FIRST = TestModels.catalog(Segment.CONSUMER, IngestModels.CONSUMER,
            IngestModels.EMPLOYER);

    private InMemoryLeadBook book = new InMemoryLeadBook();
    private RecordEvent record = new RecordEvent(WORKSPACE, EMPLOYER_FIRST, book, new LeadScoring());

    private RecordEvent consumers() {
        return new RecordEvent(WORKSPACE, CONSUMER_FIRST, book, new LeadScoring(), LifecyclePolicy.DEFAULT,
                NO_STATE_LAW, DataDictionary.defaults());
    }

    @Test
    void a_business_email_domain_creates_the_account_of_that_domain() {
        accept(TestEvents.user("u-pat").identify(Map.of("email", "pat@acme.com")));

        AccountId acme = AccountId.ofDomain(WORKSPACE, "acme.com");
        assertThat(lead("u-pat").account()).contains(acme);
        assertThat(book.account(acme)).hasValueSatisfying(account -> {
            assertThat(account.domain()).contains("acme.com");
            assertThat(account.groupId()).isEmpty();
            assertThat(account.contacts()).isEqualTo(1);
            assertThat(account.segment()).isEqualTo(Segment.EMPLOYER);
            assertThat(account.traits().facts()).containsEntry("domain", "acme.com");
        });
    }

    @Test
    void a_free_mail_domain_creates_no_account() {
        accept(TestEvents.user("u-pat").identify(Map.of("email", "pat@Gmail.com")));

        assertThat(lead("u-pat").account()).isEmpty();
        assertThat(book.accounts()).isEmpty();
    }

    @Test
    void colleagues_at_one_domain_share_its_account() {
        accept(TestEvents.user("u-pat").identify(Map.of("email", "pat@acme.com")));
        accept(TestEvents.user("u-sam").identify(Map.of("email", "sam@ACME.com")));

        assertThat(lead("u-sam").account()).isEqualTo(lead("u-pat").account());
        assertThat(book.accounts()).singleElement().extracting(AccountState::contacts).isEqualTo(2);
    }

    @Test
    void a_group_call_ties_the_lead_to_the_group_account_and_its_traits_count_towards_fit() {
        accept(TestEvents.user("u-pat").group("g-acme",
                Map.of("name", "Acme", "website", "https://www.acme.com/about", "employees", 5000, "selfInsured", true)));
        accept(TestEvents.user("u-sam").at(T0.plusSeconds(60)).identify(Map.of("email", "sam@acme.com")));

        AccountId group = AccountId.ofGroup(WORKSPACE, "g-acme");
        AccountState account = book.account(group).orElseThrow();
        assertThat(account.groupId()).contains("g-acme");
        assertThat(account.domain()).contains("acme.com");
        assertThat(account.fit()).isEqualTo(20);
        assertThat(lead("u-pat").account()).contains(group);
        assertThat(lead("u-pat").score().fit()).isEqualTo(10);
        assertThat(lead("u-sam").account()).as("a colleague by email domain joins the group's account").contains(group);
        assertThat(book.accounts()).hasSize(1);
    }

    @Test
    void an_account_whose_buying_committee_engages_becomes_an_mqa() {
        accept(TestEvents.user("u-pat").identify(Map.of("email", "pat@acme.com", "title", "VP Benefits")));
        accept(TestEvents.user("u-pat").group("g-acme", Map.of("employees", 5000, "domain", "acme.com")));
        accept(TestEvents.user("u-pat").at(T0.plusSeconds(60)).track("Demo Requested"));

        AccountId group = AccountId.ofGroup(WORKSPACE, "g-acme");
        assertThat(lead("u-pat").roles()).containsExactly("benefits_leader");
        assertThat(book.account(group).orElseThrow().mqa()).as("fit 20 + 30 + one role 20 < 100").isFalse();

        accept(TestEvents.user("u-cfo").at(T0.plusSeconds(120)).identify(Map.of("email", "cfo@acme.com",
                "title", "CFO")));
        Instant demo = T0.plusSeconds(180);
        accept(TestEvents.user("u-cfo").at(demo).track("Demo Requested"));

        AccountState account = book.account(group).orElseThrow();
        assertThat(account.mqa()).isTrue();
        assertThat(account.committee()).containsOnlyKeys("benefits_leader", "finance").containsEntry("finance", demo);
        assertThat(book.accountTransitions()).singleElement().satisfies(move -> {
            assertThat(move.account()).isEqualTo(group);
            assertThat(move.mqa()).isTrue();
            assertThat(move.at()).isEqualTo(demo);
            assertThat(move.cause()).contains("roles engaged [benefits_leader, finance]");
            assertThat(move.actor().describe()).isEqualTo("model:employer-test@1");
        });
    }

    @Test
    void consumer_leads_are_never_attached_to_accounts() {
        record = consumers();

        accept(TestEvents.user("u-pat").identify(Map.of("email", "pat@acme.com")));
        accept(TestEvents.user("u-pat").group("g-acme", Map.of("name", "Acme")));

        assertThat(lead("u-pat").segment()).isEqualTo(Segment.CONSUMER);
        assertThat(lead("u-pat").account()).isEmpty();
        assertThat(book.accounts()).isEmpty();
    }

    @Test
    void a_lead_that_turns_out_to_be_a_consumer_leaves_its_account() {
        accept(TestEvents.user("u-pat").identify(Map.of("email", "pat@acme.com")));
        accept(TestEvents.user("u-pat").at(T0.plusSeconds(60)).track("Demo Requested"));
        accept(TestEvents.user("u-pat").at(T0.plusSeconds(120)).identify(Map.of("segment", "consumer")));

        AccountState account = book.account(AccountId.ofDomain(WORKSPACE, "acme.com")).orElseThrow();
        assertThat(lead("u-pat").segment()).isEqualTo(Segment.CONSUMER);
        assertThat(lead("u-pat").account()).isEmpty();
        assertThat(account.contacts()).isZero();
        assertThat(account.engagement().at(T0.plusSeconds(120).toEpochMilli(), IngestModels.EMPLOYER.decay()))
                .isCloseTo(0, within(1e-9));
    }

    @Test
    void a_segment_trait_rescores_the_lead_under_the_employer_model() {
        record = consumers();
        accept(TestEvents.anonymous("a-1").at(T0).page("/pricing"));
        accept(TestEvents.anonymous("a-1").at(T0.plusSeconds(60)).track("Demo Requested"));
        assertThat(lead(anonymous("a-1")).score().engagement().value()).isZero();

        accept(TestEvents.user("u-pat", "a-1").at(T0.plusSeconds(120)).identify(Map.of("segment", "employer",
                "email", "pat@acme.com", "title", "Head of Benefits")));

        LeadState pat = lead("u-pat");
        assertThat(pat.segment()).isEqualTo(Segment.EMPLOYER);
        assertThat(pat.model()).isEqualTo(IngestModels.EMPLOYER.version());
        assertThat(pat.score().fit()).isEqualTo(20);
        assertThat(pat.score().tallies(IngestModels.EMPLOYER).keySet())
                .containsExactly(new RuleId("pricing_page"), new RuleId("demo_request"));
        assertThat(pat.score().engagementAt(T0.plusSeconds(120).toEpochMilli(), IngestModels.EMPLOYER.decay()))
                .isCloseTo(45, within(0.01));
        assertThat(pat.account()).contains(AccountId.ofDomain(WORKSPACE, "acme.com"));
        assertThat(pat.events()).isEqualTo(3);
    }

    @Test
    void a_return_visit_rule_on_seen_scores_only_from_the_second_visit() {
        record = consumers();

        Recorded.Accepted first = accept(TestEvents.anonymous("a-1").at(T0).page("/conditions/anxiety"));
        Recorded.Accepted second = accept(TestEvents.anonymous("a-1").at(T0.plus(Duration.ofDays(2)))
                .page("/conditions/anxiety"));

        assertThat(first.contributions()).extracting(c -> c.rule().value()).containsExactly("condition_page");
        assertThat(second.contributions()).extracting(c -> c.rule().value())
                .containsExactly("condition_page", "condition_page_return");
    }

    @Test
    void a_retried_message_is_recorded_once() {
        Event demo = TestEvents.user("u-pat").messageId("msg-1").track("Demo Requested");
        accept(demo);
        LeadState once = lead("u-pat");

        Recorded again = record.record(demo);

        assertThat(again).isEqualTo(new Recorded.Duplicate(demo.messageId()));
        assertThat(lead("u-pat")).isEqualTo(once);
        assertThat(book.history(once.id())).hasSize(1);
    }

    @Test
    void two_anonymous_ids_joined_by_identify_and_alias_become_one_lead_with_both_histories() {
        accept(TestEvents.anonymous("a-laptop").at(T0).page("/pricing"));
        accept(TestEvents.anonymous("a-phone").at(T0.plusSeconds(60)).track("Demo Requested"));
        accept(TestEvents.user("u-pat", "a-phone").at(T0.plusSeconds(120)).identify(Map.of("title", "CFO")));
        LeadState laptop = lead(anonymous("a-laptop"));

        Recorded.Accepted alias = accept(TestEvents.user("u-pat").at(T0.plusSeconds(180)).alias("a-laptop"));

        LeadState pat = lead("u-pat");
        assertThat(alias.merged()).containsExactly(laptop.id());
        assertThat(book.lead(laptop.id())).isEmpty();
        assertThat(lead(anonymous("a-laptop")).id()).isEqualTo(pat.id());
        assertThat(book.history(pat.id())).hasSize(4);
        assertThat(pat.firstSeen()).isEqualTo(T0);
        assertThat(pat.score().tallies(IngestModels.EMPLOYER).keySet())
                .containsExactly(new RuleId("pricing_page"), new RuleId("demo_request"));
    }

    @Test
    void a_merged_lead_keeps_the_account_of_the_lead_merged_into_it() {
        accept(TestEvents.anonymous("a-laptop").at(T0).group("g-acme", Map.of("employees", 5000)));
        accept(TestEvents.anonymous("a-laptop").at(T0.plusSeconds(30)).track("Demo Requested"));
        accept(TestEvents.user("u-pat", "a-phone").at(T0.plusSeconds(60)).identify(Map.of("title", "CFO")));

        accept(TestEvents.user("u-pat").at(T0.plusSeconds(120)).alias("a-laptop"));

        AccountId group = AccountId.ofGroup(WORKSPACE, "g-acme");
        AccountState account = book.account(group).orElseThrow();
        LeadState pat = lead("u-pat");
        assertThat(pat.account()).contains(group);
        assertThat(account.contacts()).isEqualTo(1);
        assertThat(account.engagement().at(T0.plusSeconds(120).toEpochMilli(), IngestModels.EMPLOYER.decay()))
                .isCloseTo(pat.score().engagementAt(T0.plusSeconds(120).toEpochMilli(), IngestModels.EMPLOYER.decay()),
                        within(1e-9));
    }

    @Test
    void an_identified_lead_whose_score_qualifies_becomes_an_mql() {
        accept(TestEvents.user("u-pat").at(T0).identify(Map.of("email", "pat@acme.com", "title", "VP Benefits")));
        accept(TestEvents.user("u-pat").at(T0.plusSeconds(60)).track("Demo Requested"));
        Recorded.Accepted roi = accept(TestEvents.user("u-pat").at(T0.plusSeconds(120))
                .track("ROI Calculator Completed"));

        assertThat(roi.transitions()).singleElement().satisfies(move -> {
            assertThat(move.from()).isEqualTo(Stage.LEAD);
            assertThat(move.to()).isEqualTo(Stage.MQL);
        });
        assertThat(lead("u-pat").stage()).isEqualTo(Stage.MQL);
        assertThat(book.transitions()).extracting(Transition::to).containsExactly(Stage.MQL);
    }

    @Test
    void an_anonymous_lead_is_scored_but_reaches_mql_only_once_identified() {
        record = consumers();
        accept(TestEvents.anonymous("a-1").at(T0).track("Insurance Checked"));
        accept(TestEvents.anonymous("a-1").at(T0.plusSeconds(60)).track("Appointment Booked"));
        assertThat(lead(anonymous("a-1")).stage()).isEqualTo(Stage.SUBSCRIBER);

        Recorded.Accepted identify = accept(TestEvents.anonymous("a-1").at(T0.plusSeconds(120))
                .identify(Map.of("email", "pat@example.org")));

        assertThat(identify.transitions()).extracting(Transition::from, Transition::to)
                .containsExactly(tuple(Stage.SUBSCRIBER, Stage.LEAD), tuple(Stage.LEAD, Stage.MQL));
        assertThat(lead(anonymous("a-1")).identified()).isTrue();
    }

    @Test
    void an_attribute_disqualification_lifts_when_the_attribute_changes() {
        accept(TestEvents.user("u-pat").at(T0).identify(Map.of("email", "pat@rival.com")));
        assertThat(lead("u-pat").stage()).isEqualTo(Stage.DISQUALIFIED);

        Recorded.Accepted moved = accept(TestEvents.user("u-pat").at(T0.plusSeconds(60))
                .identify(Map.of("email", "pat@acme.com")));

        assertThat(moved.transitions()).singleElement().satisfies(move -> {
            assertThat(move.from()).isEqualTo(Stage.DISQUALIFIED);
            assertThat(move.to()).isEqualTo(Stage.LEAD);
            assertThat(move.cause()).isEqualTo("no disqualifying rule matches any more");
        });
        assertThat(book.transitions()).extracting(Transition::from, Transition::to)
                .containsExactly(tuple(Stage.LEAD, Stage.DISQUALIFIED), tuple(Stage.DISQUALIFIED, Stage.LEAD));
    }

    @Test
    void an_event_disqualification_does_not_lift() {
        accept(TestEvents.user("u-pat").at(T0).track("Job Application Submitted"));
        accept(TestEvents.user("u-pat").at(T0.plusSeconds(60)).identify(Map.of("email", "pat@acme.com",
                "title", "VP Benefits")));
        accept(TestEvents.user("u-pat").at(T0.plusSeconds(120)).track("Demo Requested"));

        assertThat(lead("u-pat").stage()).isEqualTo(Stage.DISQUALIFIED);
        assertThat(lead("u-pat").score().disqualification().orElseThrow().reason()).isEqualTo("job seeker");
    }

    @Test
    void a_rule_that_fails_is_reported_with_the_recording() {
        record = consumers();

        Recorded.Accepted accepted = accept(TestEvents.user("u-pat").identify(Map.of("age", "twenty")));

        assertThat(accepted.failures()).extracting(failure -> failure.rule().value()).contains("adult", "minor");
    }

    @Test
    void contributions_name_the_event_that_earned_them() {
        Event demo = TestEvents.user("u-pat").at(T0).track("Demo Requested");

        Recorded.Accepted accepted = accept(demo);

        assertThat(accepted.lead()).isEqualTo(lead("u-pat").id());
        assertThat(accepted.contributions())
                .containsExactly(new Contribution(new RuleId("demo_request"), 30, T0, demo.messageId()));
    }

    @Test
    void lead_and_account_ids_are_derived_so_that_a_rebuild_reproduces_them() {
        accept(TestEvents.user("u-pat").identify(Map.of("email", "pat@acme.com")));
        InMemoryLeadBook first = book;

        book = new InMemoryLeadBook();
        record = new RecordEvent(WORKSPACE, EMPLOYER_FIRST, book, new LeadScoring());
        accept(TestEvents.user("u-pat").identify(Map.of("email", "pat@acme.com")));

        assertThat(book.leads()).containsExactlyElementsOf(first.leads());
        assertThat(book.accounts()).containsExactlyElementsOf(first.accounts());
    }

    private Recorded.Accepted accept(Event event) {
        Recorded recorded = record.record(event);
        assertThat(recorded).isInstanceOf(Recorded.Accepted.class);
        return (Recorded.Accepted) recorded;
    }

    private LeadState lead(String userId) {
        return lead(new Identity(IdentityKind.USER_ID, userId));
    }

    private LeadState lead(Identity identity) {
        return book.leadOf(identity).flatMap(book::lead).orElseThrow();
    }

    private static Identity anonymous(String id) {
        return new Identity(IdentityKind.ANONYMOUS_ID, id);
    }
}
