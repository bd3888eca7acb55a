package io.attune.core.egress;

import static io.attune.core.egress.Egress.AT;
import static io.attune.core.egress.Egress.CRM;
import static io.attune.core.egress.Egress.PRIVACY;
import static io.attune.core.egress.Egress.decide;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.model.Segment;
import io.attune.core.privacy.DataClass;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandOffPayloadsTest {

    @Test
    void a_hand_off_is_its_envelope_and_its_classified_fields() {
        OutboundPayload payload = HandOffPayloads.of(Egress.mql(CRM, Segment.EMPLOYER,
                Map.of("email", "vp@acme.example", "title", "VP Benefits")), PRIVACY.dictionary(), false);

        assertThat(payload.flow()).isEqualTo(FlowKind.HAND_OFF);
        assertThat(payload.eventName()).isEqualTo("lead.mql");
        assertThat(payload.at()).isEqualTo(AT);
        assertThat(payload.field(HandOffPayloads.LEAD).orElseThrow().dataClass()).isEqualTo(DataClass.IDENTIFIER);
        assertThat(payload.field(HandOffPayloads.ACCOUNT).orElseThrow().value()).isEqualTo("acct-9");
        assertThat(payload.field(HandOffPayloads.SCORE).orElseThrow().dataClass()).isEqualTo(DataClass.SCORE);
        assertThat(payload.field(HandOffPayloads.SCORE).orElseThrow().value())
                .isEqualTo(Map.of("fit", 30.0, "engagement", 45.5, "total", 75.5));
        assertThat(payload.field(HandOffPayloads.STAGE).orElseThrow().value()).isEqualTo("mql");
        assertThat(payload.field("email").orElseThrow().dataClass()).isEqualTo(DataClass.CONTACT);
        assertThat(payload.field("title").orElseThrow().dataClass()).isEqualTo(DataClass.BUSINESS_CONTACT);
    }

    @Test
    void a_business_crm_without_a_baa_receives_the_whole_hand_off_it_lists() {
        Set<String> listed = new HashSet<>(HandOffPayloads.ENVELOPE);
        listed.addAll(Set.of("email", "title"));
        EgressPolicy hubspot = new EgressPolicy(DestinationKind.CRM, false, false, Remuneration.NONE, listed);

        EgressDecision decision = decide(CRM, hubspot, HandOffPayloads.of(Egress.mql(CRM, Segment.EMPLOYER,
                Map.of("email", "vp@acme.example", "title", "VP Benefits")), PRIVACY.dictionary(), false));

        assertThat(decision.outcome()).isEqualTo("sent");
        assertThat(decision.deliverable().orElseThrow().fields()).hasSize(12);
    }
}
