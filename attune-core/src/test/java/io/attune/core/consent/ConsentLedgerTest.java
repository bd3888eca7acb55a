package io.attune.core.consent;

import static io.attune.core.consent.Consent.NORTHSIDE;
import static io.attune.core.consent.Consent.grant;
import static io.attune.core.consent.Consent.revoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsentLedgerTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Optional<Channel> SMS = Optional.of(Channel.SMS);
    private static final Optional<Channel> VOICE = Optional.of(Channel.VOICE);
    private static final Optional<Recipient> NORTHSIDE_NAMED = Optional.of(new Recipient(NORTHSIDE));

    private static ConsentLedger ledger(Consent... entries) {
        return new ConsentLedger(List.of(entries).stream().map(Consent::record).toList());
    }

    @Test
    void a_pewc_naming_the_organisation_holds_for_texts_and_calls_to_it_from_when_it_was_captured() {
        ConsentLedger ledger = ledger(grant(Purpose.TCPA_PEWC).to(NORTHSIDE).at(T0));

        assertThat(ledger.holds(Purpose.TCPA_PEWC, SMS, NORTHSIDE_NAMED, T0)).isTrue();
        assertThat(ledger.holds(Purpose.TCPA_PEWC, VOICE, Optional.of(new Recipient("northside  behavioral HEALTH")),
                T0.plusSeconds(60))).as("names compare ignoring case and spacing").isTrue();
        assertThat(ledger.holds(Purpose.TCPA_PEWC, SMS, NORTHSIDE_NAMED, T0.minusSeconds(1))).as("before").isFalse();
        assertThat(ledger.holds(Purpose.TCPA_PEWC, SMS, Optional.of(new Recipient("Lead Broker LLC")), T0))
                .as("another seller").isFalse();
        assertThat(ledger.holds(Purpose.EMAIL_MARKETING, Optional.empty(), Optional.empty(), T0)).isFalse();
    }

    @Test
    void a_grant_that_names_nobody_does_not_authorise_a_named_seller() {
        ConsentLedger ledger = ledger(grant(Purpose.EMAIL_MARKETING).at(T0));

        assertThat(ledger.holds(Purpose.EMAIL_MARKETING, Optional.of(Channel.EMAIL), Optional.empty(), T0)).isTrue();
        assertThat(ledger.holds(Purpose.EMAIL_MARKETING, Optional.of(Channel.EMAIL),
                Optional.of(new Recipient("Northside")), T0)).isFalse();
    }

    @Test
    void a_revocation_ends_consent_and_a_later_grant_restores_it() {
        ConsentLedger ledger = ledger(grant(Purpose.TCPA_PEWC).to(NORTHSIDE).at(T0),
                revoke(Purpose.TCPA_PEWC).at(T0.plus(Duration.ofDays(1))),
                grant(Purpose.TCPA_PEWC).to(NORTHSIDE).on(Channel.SMS).at(T0.plus(Duration.ofDays(2))));

        assertThat(ledger.holds(Purpose.TCPA_PEWC, SMS, NORTHSIDE_NAMED, T0.plus(Duration.ofHours(1)))).isTrue();
        assertThat(ledger.holds(Purpose.TCPA_PEWC, SMS, NORTHSIDE_NAMED, T0.plus(Duration.ofDays(1)))).isFalse();
        assertThat(ledger.holds(Purpose.TCPA_PEWC, SMS, NORTHSIDE_NAMED, T0.plus(Duration.ofDays(3)))).isTrue();
        assertThat(ledger.holds(Purpose.TCPA_PEWC, VOICE, NORTHSIDE_NAMED, T0.plus(Duration.ofDays(3))))
                .as("the new grant is for texts only").isFalse();
    }

    @Test
    void a_revocation_without_recipient_or_channel_revokes_every_seller_on_every_channel() {
        ConsentLedger ledger = ledger(grant(Purpose.TCPA_PEWC).to(NORTHSIDE).at(T0),
                grant(Purpose.TCPA_PEWC).to("Partner Clinic").on(Channel.VOICE).at(T0),
                revoke(Purpose.TCPA_PEWC).at(T0.plusSeconds(30)));

        for (String seller : List.of(NORTHSIDE, "Partner Clinic")) {
            for (Optional<Channel> channel : List.of(SMS, VOICE, Optional.<Channel>empty())) {
                assertThat(ledger.holds(Purpose.TCPA_PEWC, channel, Optional.of(new Recipient(seller)),
                        T0.plusSeconds(30))).as("%s on %s", seller, channel).isFalse();
            }
        }
        assertThat(ledger.holds(Purpose.TCPA_PEWC, Optional.empty(), Optional.empty(), T0.plusSeconds(30))).isFalse();
    }

    @Test
    void a_revocation_naming_a_recipient_or_channel_leaves_the_others() {
        ConsentLedger ledger = ledger(grant(Purpose.SHARE_CHD).to("Referral Partner A").at(T0),
                grant(Purpose.SHARE_CHD).to("Referral Partner B").at(T0),
                revoke(Purpose.SHARE_CHD).to("referral partner a").at(T0.plusSeconds(1)),
                grant(Purpose.TCPA_PEWC).to(NORTHSIDE).at(T0),
                revoke(Purpose.TCPA_PEWC).on(Channel.SMS).at(T0.plusSeconds(1)));
        Instant after = T0.plusSeconds(2);

        assertThat(ledger.holds(Purpose.SHARE_CHD, Optional.empty(), Optional.of(new Recipient("Referral Partner A")),
                after)).isFalse();
        assertThat(ledger.holds(Purpose.SHARE_CHD, Optional.empty(), Optional.of(new Recipient("Referral Partner B")),
                after)).isTrue();
        assertThat(ledger.holds(Purpose.SHARE_CHD, Optional.empty(), Optional.empty(), after))
                .as("some recipient still holds").isTrue();
        assertThat(ledger.holds(Purpose.TCPA_PEWC, SMS, NORTHSIDE_NAMED, after)).isFalse();
        assertThat(ledger.holds(Purpose.TCPA_PEWC, VOICE, NORTHSIDE_NAMED, after)).isTrue();
    }

    @Test
    void the_latest_capture_decides_even_when_it_was_recorded_first() {
        // the grant was captured at T0+1h but arrived after a revocation captured at T0+2h
        ConsentLedger ledger = ledger(revoke(Purpose.EMAIL_MARKETING).at(T0.plus(Duration.ofHours(2))),
                grant(Purpose.EMAIL_MARKETING).at(T0.plus(Duration.ofHours(1))));

        assertThat(ledger.holds(Purpose.EMAIL_MARKETING, Optional.empty(), Optional.empty(),
                T0.plus(Duration.ofHours(1)))).isTrue();
        assertThat(ledger.holds(Purpose.EMAIL_MARKETING, Optional.empty(), Optional.empty(),
                T0.plus(Duration.ofHours(3)))).isFalse();
        assertThat(ledger.history()).extracting(ConsentRecord::granted).containsExactly(true, false);
    }

    @Test
    void entries_captured_at_the_same_instant_are_decided_by_the_order_they_were_recorded_in() {
        assertThat(ledger(grant(Purpose.COLLECT_CHD).at(T0), revoke(Purpose.COLLECT_CHD).at(T0))
                .holds(Purpose.COLLECT_CHD, Optional.empty(), Optional.empty(), T0)).isFalse();
        assertThat(ledger(revoke(Purpose.COLLECT_CHD).at(T0), grant(Purpose.COLLECT_CHD).at(T0))
                .holds(Purpose.COLLECT_CHD, Optional.empty(), Optional.empty(), T0)).isTrue();
    }

    @Test
    void a_grant_holds_until_it_expires_and_a_renewal_replaces_its_expiry() {
        Instant year = ConsentRecord.latestSaleExpiry(T0);
        ConsentLedger ledger = ledger(grant(Purpose.PART2_WRITTEN_CONSENT).to("Dr. Lee, Valley Clinic").at(T0)
                .until(T0.plus(Duration.ofDays(90))));

        assertThat(ledger.holds(Purpose.PART2_WRITTEN_CONSENT, Optional.empty(),
                Optional.of(new Recipient("Dr. Lee, Valley Clinic")), T0.plus(Duration.ofDays(89)))).isTrue();
        assertThat(ledger.holds(Purpose.PART2_WRITTEN_CONSENT, Optional.empty(),
                Optional.of(new Recipient("Dr. Lee, Valley Clinic")), T0.plus(Duration.ofDays(90)))).isFalse();
        assertThat(ledger.states(T0.plus(Duration.ofDays(90)))).singleElement()
                .extracting(ConsentState::status).isEqualTo(ConsentState.Status.EXPIRED);
        assertThat(year).isEqualTo(Instant.parse("2027-01-05T09:00:00Z"));
    }

    @Test
    void the_states_spell_out_each_channel_and_recipient() {
        ConsentLedger ledger = ledger(grant(Purpose.TCPA_PEWC).to(NORTHSIDE).at(T0),
                revoke(Purpose.TCPA_PEWC).on(Channel.VOICE).at(T0.plusSeconds(5)),
                grant(Purpose.EMAIL_MARKETING).at(T0),
                revoke(Purpose.COOKIE_ADS).at(T0));

        assertThat(ledger.states(T0.plusSeconds(10)))
                .extracting(state -> state.purpose().wireName(), state -> state.channel().map(Channel::wireName),
                        state -> state.recipient().map(Recipient::name), ConsentState::status)
                .containsExactly(
                        tuple("email_marketing", Optional.of("email"), Optional.empty(), ConsentState.Status.GRANTED),
                        tuple("tcpa_pewc", Optional.of("sms"), Optional.of(NORTHSIDE), ConsentState.Status.GRANTED),
                        tuple("tcpa_pewc", Optional.of("voice"), Optional.of(NORTHSIDE), ConsentState.Status.REVOKED),
                        tuple("cookie_ads", Optional.of("web"), Optional.empty(), ConsentState.Status.REVOKED),
                        tuple("cookie_ads", Optional.of("app"), Optional.empty(), ConsentState.Status.REVOKED));
        assertThat(ledger.states(T0.minusSeconds(1))).isEmpty();
    }

    @Test
    void a_grant_must_carry_what_its_purpose_requires() {
        assertThatThrownBy(() -> grant(Purpose.TCPA_PEWC).record()).hasMessageContaining("names its recipient");
        assertThatThrownBy(() -> grant(Purpose.PART2_WRITTEN_CONSENT).to("Valley Clinic").record())
                .hasMessageContaining("expires");
        assertThatThrownBy(() -> grant(Purpose.SELL_CHD).to("Buyer Inc").at(T0)
                .until(T0.plus(Duration.ofDays(400))).record()).hasMessageContaining("within a year");
        assertThatThrownBy(() -> grant(Purpose.EMAIL_MARKETING).on(Channel.SMS).record())
                .hasMessageContaining("cannot be limited to sms");
        assertThatThrownBy(() -> revoke(Purpose.EMAIL_MARKETING).until(T0.plusSeconds(1)).record())
                .hasMessageContaining("does not expire");
    }
}
