package io.attune.core.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.consent.CaptureMethod;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentSource;
import io.attune.core.consent.Disclosure;
import io.attune.core.consent.Evidence;
import io.attune.core.consent.Part2Elements;
import io.attune.core.consent.Purpose;
import io.attune.core.consent.Recipient;
import io.attune.core.handoff.DestinationId;
import io.attune.core.lifecycle.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EgressDeclarationTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final EgressTarget PARTNER = new EgressTarget(new DestinationId("hillside"),
            DestinationKind.REFERRAL_PARTNER, FlowKind.HAND_OFF);
    private static final List<Recipient> HILLSIDE = List.of(new Recipient("hillside"),
            new Recipient("Hillside Recovery Center"));

    @Test
    void the_hand_off_envelope_is_implied_for_the_destinations_hand_offs_are_for_and_never_for_tracking() {
        for (DestinationKind kind : List.of(DestinationKind.CRM, DestinationKind.INTAKE, DestinationKind.EMAIL,
                DestinationKind.SMS, DestinationKind.REFERRAL_PARTNER)) {
            assertThat(EgressDeclaration.of(kind).policy(Set.of("email")).allowedProperties()).as(kind.wireName())
                    .containsAll(HandOffPayloads.ENVELOPE).contains("email");
        }
        for (DestinationKind kind : List.of(DestinationKind.AD_PLATFORM, DestinationKind.ANALYTICS)) {
            assertThat(EgressDeclaration.of(kind).policy(Set.of("gclid", HandOffPayloads.SEGMENT))
                    .allowedProperties()).as(kind.wireName()).containsOnly("gclid", HandOffPayloads.SEGMENT);
        }
    }

    @Test
    void an_ad_platform_cannot_be_declared_with_a_baa() {
        assertThatThrownBy(() -> EgressDeclaration.of(DestinationKind.AD_PLATFORM).withBaa())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRK-02");
    }

    @Test
    void the_policy_carries_the_declared_agreements_and_remuneration() {
        EgressPolicy policy = new EgressDeclaration(DestinationKind.REFERRAL_PARTNER, true, true,
                Remuneration.PER_ADMISSION).policy(Set.of());

        assertThat(policy.baaSigned()).isTrue();
        assertThat(policy.part2Agreement()).isTrue();
        assertThat(policy.remuneration()).isEqualTo(Remuneration.PER_ADMISSION);
    }

    @Test
    void sharing_and_part_2_are_covered_by_grants_naming_the_destination_by_id_or_name_until_revoked() {
        ConsentLedger ledger = new ConsentLedger(List.of(
                grant(Purpose.SHARE_CHD, "HILLSIDE RECOVERY CENTER", T0),
                grant(Purpose.PART2_WRITTEN_CONSENT, "hillside", T0),
                revoke(Purpose.SHARE_CHD, T0.plus(Duration.ofDays(2)))));

        LedgerConsents dayOne = new LedgerConsents(ledger, HILLSIDE, T0.plus(Duration.ofDays(1)), true);
        LedgerConsents dayThree = new LedgerConsents(ledger, HILLSIDE, T0.plus(Duration.ofDays(3)), true);

        assertThat(dayOne.coversSharing(PARTNER)).isTrue();
        assertThat(dayOne.coversPart2(PARTNER)).isTrue();
        assertThat(dayThree.coversSharing(PARTNER)).as("revoked for every recipient").isFalse();
        assertThat(dayThree.coversPart2(PARTNER)).isTrue();
    }

    @Test
    void a_grant_to_someone_else_covers_nothing() {
        ConsentLedger ledger = new ConsentLedger(List.of(grant(Purpose.SHARE_CHD, "Another Clinic", T0),
                grant(Purpose.PART2_WRITTEN_CONSENT, "Another Clinic", T0)));

        LedgerConsents consents = new LedgerConsents(ledger, HILLSIDE, T0.plusSeconds(60), true);

        assertThat(consents.coversSharing(PARTNER)).isFalse();
        assertThat(consents.coversPart2(PARTNER)).isFalse();
        assertThat(new LedgerConsents(ConsentLedger.EMPTY, HILLSIDE, T0, true).coversSharing(PARTNER)).isFalse();
    }

    @Test
    void a_part_2_grant_recorded_without_its_elements_covers_no_disclosure() {
        ConsentLedger ledger = new ConsentLedger(List.of(grant(Purpose.PART2_WRITTEN_CONSENT, "hillside", T0,
                Optional.empty())));

        assertThat(new LedgerConsents(ledger, HILLSIDE, T0.plusSeconds(60), false).coversPart2(PARTNER)).isFalse();
    }

    @Test
    void a_covered_entity_or_business_associate_needs_the_redisclosure_statement_in_the_part_2_consent() {
        ConsentLedger ledger = new ConsentLedger(List.of(grant(Purpose.PART2_WRITTEN_CONSENT, "hillside", T0,
                Optional.of(elements(false)))));

        assertThat(new LedgerConsents(ledger, HILLSIDE, T0.plusSeconds(60), true).coversPart2(PARTNER)).isFalse();
        assertThat(new LedgerConsents(ledger, HILLSIDE, T0.plusSeconds(60), false).coversPart2(PARTNER)).isTrue();
    }

    private static ConsentRecord grant(Purpose purpose, String recipient, Instant at) {
        return grant(purpose, recipient, at, purpose == Purpose.PART2_WRITTEN_CONSENT
                ? Optional.of(elements(true)) : Optional.empty());
    }

    private static ConsentRecord grant(Purpose purpose, String recipient, Instant at, Optional<Part2Elements> part2) {
        return new ConsentRecord(purpose, Optional.empty(), Optional.of(new Recipient(recipient)), true,
                Optional.of(new Disclosure("I agree that my information may be shared with " + recipient,
                        Optional.of("v1"))), ConsentSource.API, Optional.of(CaptureMethod.E_SIGNATURE), at,
                Optional.of(at.plus(Duration.ofDays(365))), Optional.empty(), new Actor.User("intake-1"), at,
                Evidence.NONE, part2);
    }

    private static Part2Elements elements(boolean redisclosureStatement) {
        return new Part2Elements("Jordan Avery", "Lakeside Counseling", "Diagnosis and current outpatient SUD treatment",
                "Arranging residential treatment", true, redisclosureStatement);
    }

    private static ConsentRecord revoke(Purpose purpose, Instant at) {
        return new ConsentRecord(purpose, Optional.empty(), Optional.empty(), false, Optional.empty(),
                ConsentSource.API, Optional.of(CaptureMethod.VERBAL), at, Optional.empty(), Optional.empty(),
                new Actor.User("intake-1"), at, Evidence.NONE);
    }
}
