package io.attune.core.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.consent.CaptureMethod;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentSource;
import io.attune.core.consent.Disclosure;
import io.attune.core.consent.Evidence;
import io.attune.core.consent.Purpose;
import io.attune.core.consent.Recipient;
import io.attune.core.event.Attributes;
import io.attune.core.lifecycle.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** USE-03: a patient's status is PHI; marketing to them needs a HIPAA marketing authorisation. */
class MarketingAuthorisationTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Recipient LAKESIDE = new Recipient("Lakeside Counseling");
    private static final Attributes FORMER_PATIENT = Attributes.of(Map.of("patientStatus", "Former"));
    private final MarketingAuthorisation rule = new MarketingAuthorisation();

    private static ConsentLedger authorised(Recipient recipient) {
        return new ConsentLedger(List.of(new ConsentRecord(Purpose.HIPAA_MARKETING_AUTH, Optional.empty(),
                Optional.of(recipient), true, Optional.of(new Disclosure("I authorise Lakeside Counseling to send me "
                        + "information about its new group programs.", Optional.empty())), ConsentSource.API,
                Optional.of(CaptureMethod.E_SIGNATURE), NOW.minus(Duration.ofDays(1)),
                Optional.of(NOW.plus(Duration.ofDays(365))), Optional.empty(), new Actor.User("intake"),
                NOW.minus(Duration.ofDays(1)), Evidence.NONE)));
    }

    @Test
    void a_former_patient_gets_no_marketing_without_an_authorisation_naming_the_organisation() {
        assertThat(rule.check(FORMER_PATIENT, DestinationKind.EMAIL, ConsentLedger.EMPTY, List.of(LAKESIDE), NOW))
                .get().extracting(EgressDecision::rules).isEqualTo(Set.of(EgressRule.USE_03));
        assertThat(rule.check(FORMER_PATIENT, DestinationKind.EMAIL, authorised(new Recipient("Other Clinic")),
                List.of(LAKESIDE), NOW)).isPresent();
        assertThat(rule.check(FORMER_PATIENT, DestinationKind.EMAIL, authorised(LAKESIDE), List.of(LAKESIDE), NOW))
                .isEmpty();
    }

    @Test
    void clinical_intake_is_care_coordination_and_someone_who_never_was_a_patient_is_not_asked() {
        assertThat(rule.check(FORMER_PATIENT, DestinationKind.INTAKE, ConsentLedger.EMPTY, List.of(LAKESIDE), NOW))
                .isEmpty();
        assertThat(rule.check(Attributes.of(Map.of("isPatient", false)), DestinationKind.CRM, ConsentLedger.EMPTY,
                List.of(LAKESIDE), NOW)).isEmpty();
        assertThat(MarketingAuthorisation.patient(Attributes.of(Map.of("isPatient", true)))).isTrue();
    }
}
