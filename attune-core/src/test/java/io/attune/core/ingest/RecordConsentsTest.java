package io.attune.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestEvents;
import io.attune.core.TestModels;
import io.attune.core.consent.CaptureMethod;
import io.attune.core.consent.Channel;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.ConsentOutcome;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentSource;
import io.attune.core.consent.Disclosure;
import io.attune.core.consent.Evidence;
import io.attune.core.consent.Purpose;
import io.attune.core.consent.Recipient;
import io.attune.core.event.Event;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.ScoringGate;
import io.attune.core.lifecycle.Actor;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Consent changes are recorded with the event that carried them, once, in the ledger of the event's lead. */
class RecordConsentsTest {
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-test");
    private static final Instant T0 = TestEvents.T0;
    private static final String NORTHSIDE = "Northside Behavioral Health";
    private static final Map<String, Object> PEWC = Map.of("granted", true, "recipient", NORTHSIDE, "text",
            "I agree that Northside Behavioral Health may text and call me with marketing using automated technology.",
            "method", "e_signature");

    private final InMemoryLeadBook book = new InMemoryLeadBook();
    private final RecordEvent record = new RecordEvent(WORKSPACE, TestModels.catalog(Segment.CONSUMER,
            IngestModels.CONSUMER, IngestModels.EMPLOYER), book, new LeadScoring());

    private LeadId accept(Event event) {
        return ((Recorded.Accepted) record.record(event)).lead();
    }

    private boolean pewcHolds(LeadId lead, Instant at) {
        return book.consents(lead).holds(Purpose.TCPA_PEWC, Optional.of(Channel.SMS),
                Optional.of(new Recipient(NORTHSIDE)), at);
    }

    @Test
    void consent_in_identify_traits_goes_to_the_ledger_and_not_onto_the_lead() {
        LeadId lead = accept(TestEvents.user("u-1").at(T0).identify(Map.of("email", "pat@example.com",
                "consent", Map.of("tcpa_pewc", PEWC))));

        assertThat(pewcHolds(lead, T0)).isTrue();
        assertThat(book.lead(lead).orElseThrow().traits().attributes().has("consent")).isFalse();
        assertThat(book.lead(lead).orElseThrow().traits().attributes().text("email")).contains("pat@example.com");
    }

    @Test
    void a_retried_message_records_its_consent_once() {
        Event identify = TestEvents.user("u-1").at(T0).identify(Map.of("consent", Map.of("tcpa_pewc", PEWC)));
        LeadId lead = accept(identify);

        assertThat(record.record(identify)).isInstanceOf(Recorded.Duplicate.class);
        assertThat(book.consents(lead).history()).hasSize(1);
    }

    @Test
    void a_stop_reply_revokes_before_the_next_send_and_a_later_grant_restores() {
        LeadId lead = accept(TestEvents.user("u-1").at(T0).identify(Map.of("consent", Map.of("tcpa_pewc", PEWC))));
        accept(TestEvents.user("u-1").after(Duration.ofDays(1)).track("SMS Received", Map.of("body", "Stop")));

        assertThat(pewcHolds(lead, T0.plus(Duration.ofDays(1)))).isFalse();
        assertThat(book.consents(lead).holds(Purpose.TCPA_PEWC, Optional.of(Channel.VOICE), Optional.empty(),
                T0.plus(Duration.ofDays(1)))).as("revoke-all covers calls").isFalse();

        accept(TestEvents.user("u-1").after(Duration.ofDays(2)).track("Consent Updated", withPurpose(PEWC)));
        assertThat(pewcHolds(lead, T0.plus(Duration.ofDays(2)))).isTrue();
    }

    @Test
    void consents_of_a_merged_lead_follow_it_into_the_survivor() {
        LeadId anonymous = accept(TestEvents.anonymous("a-1").at(T0).identify(Map.of("consent",
                Map.of("tcpa_pewc", PEWC))));
        LeadId person = accept(TestEvents.user("u-1").at(T0.plusSeconds(60)).track("Demo Requested"));
        LeadId survivor = accept(TestEvents.user("u-1", "a-1").at(T0.plusSeconds(120)).page("/pricing"));

        LeadId merged = survivor.equals(anonymous) ? person : anonymous;
        assertThat(book.survivorOf(merged)).contains(survivor);
        assertThat(pewcHolds(survivor, T0.plusSeconds(120))).isTrue();
    }

    @Test
    void a_change_entered_through_the_api_goes_to_the_surviving_lead_or_is_refused_for_an_unknown_one() {
        LeadId lead = accept(TestEvents.user("u-1").at(T0).identify(Map.of("email", "pat@example.com")));
        ConsentRecord revoke = new ConsentRecord(Purpose.EMAIL_MARKETING, Optional.empty(), Optional.empty(), false,
                Optional.of(new Disclosure("Called the front desk and asked for no more emails", Optional.empty())),
                ConsentSource.API, Optional.of(CaptureMethod.VERBAL), T0, Optional.empty(), Optional.empty(),
                new Actor.User("front-desk"), T0, Evidence.NONE);

        assertThat(new RecordConsent(book, ScoringGate.STANDARD).record(lead, revoke)).isEqualTo(new ConsentOutcome.Recorded(lead, revoke));
        assertThat(new RecordConsent(book, ScoringGate.STANDARD).record(LeadId.derivedFrom(WORKSPACE, new Identity(IdentityKind.USER_ID,
                "nobody")), revoke)).isEqualTo(new ConsentOutcome.UnknownLead());
        ConsentLedger ledger = book.consents(lead);
        assertThat(ledger.history()).containsExactly(revoke);
    }

    private static Map<String, Object> withPurpose(Map<String, Object> entry) {
        Map<String, Object> named = new java.util.HashMap<>(entry);
        named.put("purpose", "tcpa_pewc");
        return named;
    }
}
