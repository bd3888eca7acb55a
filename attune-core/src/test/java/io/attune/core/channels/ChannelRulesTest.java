package io.attune.core.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.consent.CaptureMethod;
import io.attune.core.consent.Channel;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentSource;
import io.attune.core.consent.Disclosure;
import io.attune.core.consent.Evidence;
import io.attune.core.consent.Purpose;
import io.attune.core.consent.Recipient;
import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressDecision;
import io.attune.core.egress.EgressRule;
import io.attune.core.event.Attributes;
import io.attune.core.jurisdiction.Jurisdiction;
import io.attune.core.lifecycle.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelRulesTest {
    /** 18:00 UTC: the afternoon in every US zone. */
    private static final Instant AFTERNOON = Instant.parse("2026-11-27T18:00:00Z");
    private static final Recipient NORTHSIDE = new Recipient("Northside Behavioral Health");
    private static final Jurisdiction OREGON = new Jurisdiction(Set.of("OR"), true, List.of("state"));
    private final ChannelRules rules = new ChannelRules();

    private static ConsentRecord entry(Purpose purpose, Optional<Channel> channel, Optional<Recipient> recipient,
            boolean granted, Instant at) {
        return new ConsentRecord(purpose, channel, recipient, granted,
                granted ? Optional.of(new Disclosure("I agree that Northside Behavioral Health may text me.",
                        Optional.empty())) : Optional.empty(), ConsentSource.API,
                Optional.of(granted ? CaptureMethod.WEB_FORM : CaptureMethod.SMS_REPLY), at, Optional.empty(),
                Optional.empty(), new Actor.User("front-desk"), at, Evidence.NONE);
    }

    private static ConsentLedger pewc(Recipient seller) {
        return new ConsentLedger(List.of(entry(Purpose.TCPA_PEWC, Optional.of(Channel.SMS), Optional.of(seller), true,
                AFTERNOON.minus(Duration.ofDays(3)))));
    }

    private Optional<EgressDecision> text(ConsentLedger consents, Jurisdiction where, List<Instant> recent,
            Instant at) {
        return rules.check(new ChannelRules.Context(DestinationKind.SMS, Attributes.EMPTY, where, consents,
                List.of(NORTHSIDE), recent, at));
    }

    @Test
    void a_text_needs_consent_naming_the_organisation_and_another_seller_s_consent_does_not_do() {
        assertThat(text(pewc(NORTHSIDE), OREGON, List.of(), AFTERNOON)).isEmpty();

        EgressDecision other = text(pewc(new Recipient("Lead Vendor LLC")), OREGON, List.of(), AFTERNOON)
                .orElseThrow();
        assertThat(other.rules()).containsExactly(EgressRule.TCPA_01);
        assertThat(other.outcome()).isEqualTo("blocked");
    }

    @Test
    void a_stop_reply_revokes_before_the_next_text() {
        ConsentLedger stopped = pewc(NORTHSIDE).with(List.of(entry(Purpose.TCPA_PEWC, Optional.empty(),
                Optional.empty(), false, AFTERNOON.minusSeconds(60))));

        assertThat(text(stopped, OREGON, List.of(), AFTERNOON)).get().extracting(EgressDecision::rules)
                .isEqualTo(Set.of(EgressRule.TCPA_01));
    }

    @Test
    void outside_the_window_a_text_is_held_until_it_opens_in_every_candidate_zone() {
        Instant earlyInOregon = Instant.parse("2026-11-27T15:00:00Z"); // 07:00 Pacific

        EgressDecision.Held held = (EgressDecision.Held) text(pewc(NORTHSIDE), OREGON, List.of(), earlyInOregon)
                .orElseThrow();

        assertThat(held.rules()).containsExactly(EgressRule.TCPA_02);
        assertThat(held.until()).as("08:00 in Los Angeles; eastern Oregon (Boise's zone) opened an hour earlier")
                .isEqualTo(Instant.parse("2026-11-27T16:00:00Z"));
    }

    @Test
    void a_fourth_text_in_24_hours_waits_until_the_oldest_of_the_last_three_is_a_day_old() {
        List<Instant> three = List.of(AFTERNOON.minus(Duration.ofHours(20)), AFTERNOON.minus(Duration.ofHours(5)),
                AFTERNOON.minus(Duration.ofHours(1)));

        EgressDecision.Held held = (EgressDecision.Held) text(pewc(NORTHSIDE), OREGON, three, AFTERNOON)
                .orElseThrow();

        assertThat(held.rules()).containsExactly(EgressRule.TCPA_03);
        assertThat(held.until()).isEqualTo(AFTERNOON.plus(Duration.ofHours(4)));
        assertThat(text(pewc(NORTHSIDE), OREGON, three.subList(1, 3), AFTERNOON)).isEmpty();
    }

    @Test
    void an_email_goes_unless_the_address_opted_out_and_a_later_opt_in_restores_it() {
        ConsentLedger optedOut = new ConsentLedger(List.of(entry(Purpose.EMAIL_MARKETING, Optional.empty(),
                Optional.empty(), false, AFTERNOON.minus(Duration.ofDays(1)))));

        assertThat(email(ConsentLedger.EMPTY)).isEmpty();
        assertThat(email(optedOut)).get().extracting(EgressDecision::rules).isEqualTo(Set.of(EgressRule.EMAIL_02));
        assertThat(email(optedOut.with(List.of(entry(Purpose.EMAIL_MARKETING, Optional.of(Channel.EMAIL),
                Optional.empty(), true, AFTERNOON.minusSeconds(10)))))).isEmpty();
    }

    @Test
    void a_zone_the_person_gave_counts_with_their_state() {
        Attributes traits = Attributes.of(Map.of("timezone", "Pacific/Honolulu"));
        // 16:30 in Honolulu, 18:30 Pacific, 19:30 Mountain, 21:30 Eastern
        Instant eveningOnTheMainland = Instant.parse("2026-11-28T02:30:00Z");

        assertThat(rules.check(new ChannelRules.Context(DestinationKind.SMS, traits, OREGON, pewc(NORTHSIDE),
                List.of(NORTHSIDE), List.of(), eveningOnTheMainland))).isEmpty();
        assertThat(rules.check(new ChannelRules.Context(DestinationKind.SMS, traits,
                new Jurisdiction(Set.of("NY"), true, List.of("state")), pewc(NORTHSIDE), List.of(NORTHSIDE), List.of(),
                eveningOnTheMainland))).get().extracting(EgressDecision::outcome).isEqualTo("held");
    }

    private Optional<EgressDecision> email(ConsentLedger consents) {
        return rules.check(new ChannelRules.Context(DestinationKind.EMAIL, Attributes.EMPTY, OREGON, consents,
                List.of(NORTHSIDE), List.of(), AFTERNOON));
    }
}
