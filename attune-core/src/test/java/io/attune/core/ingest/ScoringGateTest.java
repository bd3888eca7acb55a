package io.attune.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.TestConsents;
import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.consent.CaptureMethod;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentSource;
import io.attune.core.consent.Disclosure;
import io.attune.core.consent.Evidence;
import io.attune.core.consent.Purpose;
import io.attune.core.event.Event;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.jurisdiction.UnknownJurisdiction;
import io.attune.core.lead.LeadPrivacy;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.Safeguards;
import io.attune.core.lead.ScoringGate;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.lifecycle.Stage;
import io.attune.core.minors.AgeBand;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * STATE-01/02/05 and MINOR-01 through {@link RecordEvent}: a consumer under a consumer-health-data law
 * is scored only from events that happened while consent to collect held; a child is never scored.
 */
class ScoringGateTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws_gate");
    private static final Instant T0 = TestEvents.T0;

    private final InMemoryLeadBook book = new InMemoryLeadBook();
    private RecordEvent record = recorder(ScoringGate.STANDARD);

    private RecordEvent recorder(ScoringGate gate) {
        return new RecordEvent(WORKSPACE, TestModels.catalog(Segment.CONSUMER, IngestModels.CONSUMER,
                IngestModels.EMPLOYER), book, new LeadScoring(), LifecyclePolicy.DEFAULT, gate,
                DataDictionary.defaults());
    }

    private Recorded.Accepted accept(Event event) {
        return (Recorded.Accepted) record.record(event);
    }

    private LeadState lead(String user) {
        return book.lead(book.leadOf(new Identity(IdentityKind.USER_ID, user)).orElseThrow()).orElseThrow();
    }

    private static Map<String, Object> traits(Object... pairs) {
        Map<String, Object> traits = new HashMap<>();
        traits.put("email", "pat@example.org");
        traits.put("age", 34);
        for (int i = 0; i < pairs.length; i += 2) {
            traits.put((String) pairs[i], pairs[i + 1]);
        }
        return traits;
    }

    /** Identify, check insurance, book: enough for an MQL (10 fit + 20 + 40 over a threshold of 40). */
    private void journey(String user, Map<String, Object> traits) {
        accept(TestEvents.user(user).at(T0).identify(traits));
        accept(TestEvents.user(user).at(T0.plusSeconds(60)).track("Insurance Checked"));
        accept(TestEvents.user(user).at(T0.plusSeconds(120)).track("Appointment Booked"));
    }

    @Test
    void a_washington_consumer_without_consent_to_collect_earns_nothing_and_is_told_why() {
        journey("u-wa", traits("state", "Washington"));

        LeadState lead = lead("u-wa");
        assertThat(lead.score().fit()).isZero();
        assertThat(lead.score().engagement().value()).isZero();
        assertThat(lead.stage()).isEqualTo(Stage.LEAD);
        assertThat(lead.privacy().withheld()).extracting(LeadPrivacy.Withholding::rule).containsExactly("STATE-02");
        assertThat(lead.privacy().withheld().get(0).reason()).contains("Washington My Health My Data Act")
                .contains("collect_chd").doesNotContain("unknown");
    }

    @Test
    void the_same_consumer_with_consent_on_the_intake_form_is_scored_and_qualifies() {
        journey("u-wa", traits("state", "WA", "consent", TestConsents.COLLECT_CHD));

        LeadState lead = lead("u-wa");
        assertThat(lead.privacy().scoringWithheld()).isFalse();
        assertThat(lead.score().fit()).isEqualTo(10);
        assertThat(lead.stage()).isEqualTo(Stage.MQL);
    }

    @Test
    void a_texan_needs_no_consent_to_be_scored() {
        journey("u-tx", traits("address", Map.of("state", "TX", "country", "US")));

        assertThat(lead("u-tx").stage()).isEqualTo(Stage.MQL);
        assertThat(lead("u-tx").privacy().withheld()).isEmpty();
    }

    @Test
    void a_consumer_whose_state_nothing_tells_is_held_to_every_law_unless_the_workspace_says_otherwise() {
        journey("u-unknown", traits());
        assertThat(lead("u-unknown").privacy().withheld()).extracting(LeadPrivacy.Withholding::rule)
                .containsExactly("STATE-02", "STATE-05");
        assertThat(lead("u-unknown").privacy().withheld().get(0).reason()).contains("unknown");

        record = recorder(new ScoringGate(UnknownJurisdiction.NOT_COVERED));
        journey("u-elsewhere", traits());
        assertThat(lead("u-elsewhere").stage()).isEqualTo(Stage.MQL);
    }

    @Test
    void an_anonymous_visitor_is_held_to_the_strictest_law_until_an_identify_says_where_they_live() {
        accept(TestEvents.anonymous("a-1").at(T0).track("Insurance Checked"));
        assertThat(book.lead(book.leadOf(new Identity(IdentityKind.ANONYMOUS_ID, "a-1")).orElseThrow())
                .orElseThrow().score().engagement().value()).isZero();

        accept(TestEvents.user("u-or", "a-1").at(T0.plusSeconds(60)).identify(traits("state", "OR")));
        accept(TestEvents.user("u-or").at(T0.plusSeconds(120)).track("Appointment Booked"));

        LeadState lead = lead("u-or");
        assertThat(lead.privacy().withheld()).isEmpty();
        assertThat(lead.score().engagement().value()).as("the insurance check counts once Oregon is known")
                .isCloseTo(60, within(0.01));
        assertThat(lead.stage()).isEqualTo(Stage.MQL);
    }

    @Test
    void data_collected_in_washington_is_covered_whatever_state_the_consumer_lives_in() {
        accept(TestEvents.user("u-visitor").at(T0).identify(traits("state", "TX")));
        accept(TestEvents.user("u-visitor").at(T0.plusSeconds(60)).context(Map.of("location",
                Map.of("region", "Washington", "country", "United States"))).track("Insurance Checked"));
        accept(TestEvents.user("u-visitor").at(T0.plusSeconds(120)).track("Appointment Booked"));

        LeadState lead = lead("u-visitor");
        assertThat(lead.privacy().collectedIn()).containsExactly("WA");
        assertThat(lead.privacy().withheld()).extracting(LeadPrivacy.Withholding::rule).containsExactly("STATE-02");
        assertThat(lead.score().engagement().value()).isZero();
    }

    @Test
    void a_nevada_phone_number_brings_nevada_s_law() {
        journey("u-nv", traits("state", "CA", "phone", "+1 (702) 555-0134"));

        assertThat(lead("u-nv").privacy().withheld()).extracting(LeadPrivacy.Withholding::rule)
                .containsExactly("STATE-05");
        assertThat(lead("u-nv").privacy().withheld().get(0).reason()).contains("Nevada SB 370");
    }

    @Test
    void only_events_after_consent_count_because_what_was_collected_before_it_is_not_turned_into_a_score() {
        accept(TestEvents.user("u-wa").at(T0).identify(traits("state", "WA")));
        accept(TestEvents.user("u-wa").at(T0.plusSeconds(60)).track("Insurance Checked"));
        accept(TestEvents.user("u-wa").at(T0.plusSeconds(120)).identify(Map.of("consent", TestConsents.COLLECT_CHD)));
        Recorded.Accepted booked = accept(TestEvents.user("u-wa").at(T0.plusSeconds(180)).track("Appointment Booked"));

        LeadState lead = lead("u-wa");
        assertThat(lead.privacy().scoringWithheld()).isFalse();
        assertThat(lead.score().fit()).as("fit from the traits, computed once consent holds").isEqualTo(10);
        assertThat(booked.contributions()).extracting(c -> c.rule().value()).containsExactly("booking");
        assertThat(lead.score().engagement().value()).as("the insurance check came before consent").isEqualTo(40);
    }

    @Test
    void a_revocation_through_the_api_clears_the_score_at_once() {
        journey("u-wa", traits("state", "WA", "consent", TestConsents.COLLECT_CHD));
        LeadId id = lead("u-wa").id();
        assertThat(lead("u-wa").score().engagement().value()).isPositive();

        ConsentRecord revoke = new ConsentRecord(Purpose.COLLECT_CHD, Optional.empty(), Optional.empty(), false,
                Optional.of(new Disclosure("Asked us by phone to stop using their health information",
                        Optional.empty())), ConsentSource.API, Optional.of(CaptureMethod.VERBAL),
                T0.plus(Duration.ofDays(1)), Optional.empty(), Optional.empty(), new Actor.User("front-desk"),
                T0.plus(Duration.ofDays(1)), Evidence.NONE);
        new RecordConsent(book, ScoringGate.STANDARD).record(id, revoke);

        LeadState lead = lead("u-wa");
        assertThat(lead.score().fit()).isZero();
        assertThat(lead.score().engagement().value()).isZero();
        assertThat(lead.privacy().withheld()).extracting(LeadPrivacy.Withholding::rule).containsExactly("STATE-02");
    }

    @Test
    void a_child_under_13_is_never_scored_even_with_consent() {
        journey("u-child", traits("age", 11, "state", "TX", "consent", TestConsents.COLLECT_CHD));

        LeadState lead = lead("u-child");
        assertThat(lead.privacy().age()).isEqualTo(AgeBand.UNDER_13);
        assertThat(lead.privacy().withheld()).extracting(LeadPrivacy.Withholding::rule).containsExactly("MINOR-01");
        assertThat(lead.score().engagement().value()).isZero();
    }

    @Test
    void of_a_child_only_what_reaching_a_guardian_or_intake_needs_is_kept() {
        accept(TestEvents.user("u-child").at(T0).identify(traits("age", 11, "state", "TX", "school", "Lincoln Middle",
                "reasonForVisit", "panic attacks", "guardianPhone", "+1 512 555 0100")));

        assertThat(lead("u-child").traits().attributes().asMap()).containsOnlyKeys("email", "age", "state",
                "guardianPhone");
    }

    @Test
    void crisis_language_still_holds_a_lead_whose_score_is_withheld() {
        accept(TestEvents.user("u-wa").at(T0).identify(traits("state", "WA")));
        accept(TestEvents.user("u-wa").at(T0.plusSeconds(60)).track("Contact Form Submitted",
                Map.of("message", "I want to end my life")));

        assertThat(lead("u-wa").stage()).isEqualTo(Stage.CRISIS_HOLD);
        assertThat(lead("u-wa").privacy().scoringWithheld()).isTrue();
    }

    @Test
    void business_leads_are_not_gated() {
        accept(TestEvents.user("u-vp").at(T0).identify(Map.of("segment", "employer", "email", "vp@acme.com",
                "state", "WA", "title", "VP Benefits")));

        assertThat(lead("u-vp").privacy().withheld()).isEmpty();
    }

    @Test
    void replaying_a_gated_lead_gives_the_state_that_was_recorded() {
        accept(TestEvents.user("u-wa").at(T0).identify(traits("state", "WA")));
        accept(TestEvents.user("u-wa").at(T0.plusSeconds(60)).track("Insurance Checked"));
        accept(TestEvents.user("u-wa").at(T0.plusSeconds(120)).identify(Map.of("consent", TestConsents.COLLECT_CHD)));
        accept(TestEvents.user("u-wa").at(T0.plusSeconds(180)).track("Appointment Booked"));
        LeadState live = lead("u-wa");

        List<Event> history = book.history(live.id());
        LeadScoring.Replay replay = new LeadScoring().replay(IngestModels.CONSUMER, live, history, Map.of(),
                new Safeguards(ScoringGate.STANDARD, DataDictionary.defaults(), () -> book.consents(live.id()),
                        Optional.of(ScoringGate.STANDARD.jurisdiction(live.traits(), live.privacy()))));

        assertThat(replay.lead().score()).isEqualTo(live.score());
        assertThat(replay.lead().privacy()).isEqualTo(live.privacy());
        assertThat(replay.contributions()).extracting(c -> c.rule().value()).containsExactly("booking");
    }
}
