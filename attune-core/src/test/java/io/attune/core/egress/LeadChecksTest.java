package io.attune.core.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.TestModels;
import io.attune.core.egress.EgressDecision.Blocked;
import io.attune.core.event.Attributes;
import io.attune.core.handoff.HandOffType;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.CrisisRecord;
import io.attune.core.lead.LeadPrivacy;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.LeadTraits;
import io.attune.core.lifecycle.Stage;
import io.attune.core.minors.AgeBand;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.core.scoring.LeadScore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadChecksTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final LeadChecks checks = new LeadChecks();

    private static LeadState consumer(Stage stage, Map<String, ?> traits, AgeBand stored) {
        return new LeadState(new LeadId("ld_0123456789abcdef01234567"), Segment.CONSUMER, stage, true,
                LeadTraits.of(Attributes.of(traits)), Optional.empty(), Set.of(), ModelVersion.parse("consumer@1"),
                LeadScore.empty(TestModels.model("consumer", Segment.CONSUMER).threshold(40).compile()), NOW, NOW, 1, NOW)
                .withPrivacy(new LeadPrivacy(Set.of(), false, stored, List.of()));
    }

    private Optional<Blocked> check(LeadState lead, HandOffType type, DestinationKind kind) {
        return checks.check(Optional.of(lead), type, lead.segment(), kind, NOW);
    }

    @Test
    void a_child_goes_to_clinical_intake_only() {
        LeadState child = consumer(Stage.MQL, Map.of("age", 11), AgeBand.UNKNOWN);

        assertThat(check(child, HandOffType.LEAD_MQL, DestinationKind.CRM)).get()
                .extracting(Blocked::rules).isEqualTo(Set.of(EgressRule.MINOR_01));
        assertThat(check(child, HandOffType.LEAD_MQL, DestinationKind.INTAKE)).isEmpty();
    }

    @Test
    void a_teenager_gets_no_marketing_hand_off_even_when_the_age_was_learnt_before_the_traits_changed() {
        LeadState teen = consumer(Stage.MQL, Map.of(), AgeBand.AGE_16_17);

        assertThat(check(teen, HandOffType.LEAD_MQL, DestinationKind.EMAIL)).get()
                .extracting(Blocked::rules).isEqualTo(Set.of(EgressRule.MINOR_02));
        assertThat(check(teen, HandOffType.LEAD_MQL, DestinationKind.SMS)).isPresent();
    }

    @Test
    void an_adult_or_a_business_contact_passes() {
        assertThat(check(consumer(Stage.MQL, Map.of("age", 40), AgeBand.ADULT), HandOffType.LEAD_MQL,
                DestinationKind.CRM)).isEmpty();
        LeadState teenWorkingContact = consumer(Stage.MQL, Map.of("age", 15), AgeBand.AGE_13_15);
        assertThat(checks.check(Optional.of(teenWorkingContact), HandOffType.LEAD_MQL, Segment.EMPLOYER,
                DestinationKind.CRM, NOW)).isEmpty();
    }

    @Test
    void a_lead_in_crisis_hold_gets_only_the_clinical_alert() {
        LeadState held = consumer(Stage.CRISIS_HOLD, Map.of("age", 40), AgeBand.ADULT);

        assertThat(check(held, HandOffType.LEAD_MQL, DestinationKind.INTAKE)).get()
                .extracting(Blocked::rules).isEqualTo(Set.of(EgressRule.CRISIS_04));
        assertThat(check(held, HandOffType.LEAD_CRISIS_HOLD, DestinationKind.INTAKE)).isEmpty();
    }

    @Test
    void after_a_clinician_clears_the_hold_outreach_waits_out_the_cool_down() {
        LeadState cleared = consumer(Stage.MQL, Map.of("age", 40), AgeBand.ADULT)
                .withCrisis(CrisisRecord.NONE.cleared(NOW.minus(Duration.ofDays(10))));

        assertThat(check(cleared, HandOffType.LEAD_MQL, DestinationKind.INTAKE)).get()
                .extracting(Blocked::rules).isEqualTo(Set.of(EgressRule.CRISIS_04));
        assertThat(new LeadChecks(Duration.ofDays(7)).check(Optional.of(cleared), HandOffType.LEAD_MQL,
                Segment.CONSUMER, DestinationKind.INTAKE, NOW)).as("a workspace's shorter cool-down is over").isEmpty();
    }
}
