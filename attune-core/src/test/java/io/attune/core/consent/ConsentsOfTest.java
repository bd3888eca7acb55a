package io.attune.core.consent;

import static io.attune.core.consent.Consent.NORTHSIDE;
import static io.attune.core.consent.Consent.PEWC_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.attune.core.TestEvents;
import io.attune.core.event.Attributes;
import io.attune.core.event.Event;
import io.attune.core.event.MessageId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsentsOfTest {
    private static final Instant T0 = TestEvents.T0;
    /** Verbatim: leading space, two spaces and a line break are kept as sent. */
    private static final String EMAIL_TEXT = " Send me  Northside's newsletter.\nI can unsubscribe at any time.";

    private static Map<String, Object> pewc() {
        return Map.of("granted", true, "channel", "sms", "recipient", NORTHSIDE, "text", PEWC_TEXT,
                "version", "sms-optin-v3", "method", "web_form");
    }

    @Test
    void identify_traits_carry_consents_by_purpose_with_their_verbatim_text_and_the_context_as_evidence() {
        Event identify = TestEvents.user("u-1").at(T0).context(Map.of("ip", "203.0.113.7", "userAgent", "Mozilla/5.0",
                "page", Map.of("url", "https://northside.example/start"))).identify(Map.of("email", "pat@example.com",
                "consent", Map.of("tcpa_pewc", pewc(), "email_marketing", List.of(Map.of("granted", true,
                        "text", EMAIL_TEXT, "method", "web_form", "capturedAt", "2026-01-05T08:59:00+00:00")))));

        ConsentReading reading = ConsentsOf.event(identify);

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.records()).extracting(ConsentRecord::purpose, ConsentRecord::channel,
                        ConsentRecord::recipient, ConsentRecord::granted, ConsentRecord::capturedAt)
                .containsExactlyInAnyOrder(
                        tuple(Purpose.TCPA_PEWC, Optional.of(Channel.SMS), Optional.of(new Recipient(NORTHSIDE)), true,
                                T0),
                        tuple(Purpose.EMAIL_MARKETING, Optional.empty(), Optional.empty(), true,
                                Instant.parse("2026-01-05T08:59:00Z")));
        ConsentRecord email = reading.records().stream().filter(r -> r.purpose() == Purpose.EMAIL_MARKETING)
                .findFirst().orElseThrow();
        assertThat(email.disclosure().orElseThrow().text()).isEqualTo(EMAIL_TEXT);
        assertThat(email.source()).isEqualTo(ConsentSource.IDENTIFY);
        assertThat(email.message()).contains(identify.messageId());
        assertThat(email.evidence()).isEqualTo(new Evidence(Optional.of("https://northside.example/start"),
                Optional.of("203.0.113.7"), Optional.of("Mozilla/5.0")));
        assertThat(ConsentsOf.withoutConsent(((io.attune.core.event.Identify) identify).traits()))
                .isEqualTo(Attributes.of(Map.of("email", "pat@example.com")));
    }

    @Test
    void consent_updated_carries_one_consent_naming_its_purpose() {
        Map<String, Object> properties = new java.util.HashMap<>(pewc());
        properties.put("purpose", "tcpa_pewc");
        properties.put("expiresAt", "2027-01-05T09:00:00Z");
        ConsentReading reading = ConsentsOf.event(TestEvents.user("u-1").at(T0).track("Consent Updated", properties));

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.records()).singleElement().satisfies(record -> {
            assertThat(record.source()).isEqualTo(ConsentSource.TRACK);
            assertThat(record.expiresAt()).contains(Instant.parse("2027-01-05T09:00:00Z"));
            assertThat(record.disclosure()).contains(new Disclosure(PEWC_TEXT, Optional.of("sms-optin-v3")));
            assertThat(record.method()).contains(CaptureMethod.WEB_FORM);
        });
    }

    @Test
    void a_stop_reply_by_text_revokes_texts_and_calls_from_everyone_in_the_persons_words() {
        Event stop = TestEvents.user("u-1").at(T0).messageId("sms-1").track("SMS Received", Map.of("body", "STOP",
                "from", "+15555550100"));

        assertThat(ConsentsOf.event(stop).records()).singleElement().satisfies(record -> {
            assertThat(record.purpose()).isEqualTo(Purpose.TCPA_PEWC);
            assertThat(record.granted()).isFalse();
            assertThat(record.channel()).isEmpty();
            assertThat(record.recipient()).isEmpty();
            assertThat(record.source()).isEqualTo(ConsentSource.INBOUND_SMS);
            assertThat(record.method()).contains(CaptureMethod.SMS_REPLY);
            assertThat(record.disclosure().orElseThrow().text()).isEqualTo("STOP");
            assertThat(record.message()).contains(new MessageId("sms-1"));
        });
        assertThat(ConsentsOf.event(TestEvents.user("u-1").track("SMS Received", Map.of("text", "I can't stop crying"))))
                .isEqualTo(ConsentReading.NONE);
    }

    @Test
    void an_unsubscribe_reply_by_email_revokes_email_marketing_too() {
        Event reply = TestEvents.user("u-1").at(T0).track("Email Received", Map.of("subject", "Re: January news",
                "body", "Please unsubscribe me.\n\nOn Mon, Jan 5, 2026 Northside wrote:\n> Hello"));

        assertThat(ConsentsOf.event(reply).records())
                .extracting(ConsentRecord::purpose, ConsentRecord::granted, r -> r.disclosure().orElseThrow().text())
                .containsExactly(tuple(Purpose.TCPA_PEWC, false, "Please unsubscribe me.\n\n"),
                        tuple(Purpose.EMAIL_MARKETING, false, "Please unsubscribe me.\n\n"));
    }

    @Test
    void every_bad_field_is_named_and_nothing_is_recorded_from_a_bad_entry() {
        Event identify = TestEvents.user("u-1").at(T0).identify(Map.of("consent", Map.of(
                "tcpa_pewc", Map.of("granted", true, "channel", "email", "text", "  "),
                "share_chd", List.of(Map.of("granted", "yes"), Map.of("granted", false, "expiresAt", "2027-01-01T00:00:00Z")),
                "newsletter", Map.of("granted", true),
                "part2_written_consent", Map.of("granted", true, "text", "I consent…", "method", "fax",
                        "recipient", "Valley Clinic", "capturedAt", "2099-01-01T00:00:00Z", "expires_at", "2027-01-01"))));

        ConsentReading reading = ConsentsOf.event(identify);

        assertThat(reading.records()).isEmpty();
        assertThat(reading.problems()).extracting(ConsentProblem::field).containsExactlyInAnyOrder(
                "traits.consent.tcpa_pewc.channel", "traits.consent.tcpa_pewc.text",
                "traits.consent.tcpa_pewc.method", "traits.consent.tcpa_pewc.recipient",
                "traits.consent.share_chd[0].granted", "traits.consent.share_chd[1].expiresAt",
                "traits.consent.newsletter",
                "traits.consent.part2_written_consent.method", "traits.consent.part2_written_consent.capturedAt",
                "traits.consent.part2_written_consent.expires_at",
                "traits.consent.part2_written_consent.expiresAt",
                "traits.consent.part2_written_consent.part2.patientName",
                "traits.consent.part2_written_consent.part2.discloser",
                "traits.consent.part2_written_consent.part2.information",
                "traits.consent.part2_written_consent.part2.purpose",
                "traits.consent.part2_written_consent.part2.revocable",
                "traits.consent.part2_written_consent.part2.redisclosureStatement");
        assertThat(ConsentsOf.event(TestEvents.user("u-1").identify(Map.of("consent", true))).problems())
                .extracting(ConsentProblem::field).containsExactly("traits.consent");
        assertThat(ConsentsOf.event(TestEvents.user("u-1").track("Consent Updated", Map.of("granted", true)))
                .problems()).extracting(ConsentProblem::field).containsExactly("properties.purpose");
    }

    @Test
    void other_events_carry_no_consent() {
        assertThat(ConsentsOf.event(TestEvents.user("u-1").page("/pricing"))).isEqualTo(ConsentReading.NONE);
        assertThat(ConsentsOf.event(TestEvents.user("u-1").identify(Map.of("email", "a@b.com"))))
                .isEqualTo(ConsentReading.NONE);
        assertThat(ConsentsOf.event(TestEvents.user("u-1").track("Demo Requested", Map.of("body", "stop"))))
                .isEqualTo(ConsentReading.NONE);
    }
}
