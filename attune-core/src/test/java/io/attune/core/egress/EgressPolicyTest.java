package io.attune.core.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.model.Segment;
import io.attune.core.privacy.DataClass;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EgressPolicyTest {

    private static EgressPolicy of(DestinationKind kind, boolean baa, boolean qso) {
        return new EgressPolicy(kind, baa, qso, Remuneration.NONE, Set.of());
    }

    @Test
    void an_ad_platform_cannot_be_declared_with_a_baa() {
        assertThatThrownBy(() -> of(DestinationKind.AD_PLATFORM, true, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baaSigned")
                .hasMessageContaining("ad_platform");
    }

    @Test
    void an_allowed_property_is_a_name() {
        assertThatThrownBy(() -> new EgressPolicy(DestinationKind.CRM, false, false, Remuneration.NONE, Set.of(" ")))
                .hasMessageContaining("allowed property");
    }

    @Test
    void sensitive_attributes_are_barred_everywhere() {
        for (DestinationKind kind : DestinationKind.values()) {
            for (Segment segment : Segment.values()) {
                assertThat(of(kind, kind != DestinationKind.AD_PLATFORM, true).barring(DataClass.SENSITIVE, segment))
                        .containsExactly(EgressRule.USE_10);
            }
        }
    }

    @Test
    void health_goes_only_where_a_baa_is_signed_and_never_to_advertising_or_analytics() {
        assertThat(of(DestinationKind.CRM, true, false).barring(DataClass.HEALTH, Segment.CONSUMER)).isEmpty();
        assertThat(of(DestinationKind.CRM, false, false).barring(DataClass.HEALTH, Segment.EMPLOYER))
                .containsExactly(EgressRule.TRK_02);
        assertThat(of(DestinationKind.ANALYTICS, true, false).barring(DataClass.HEALTH, Segment.CONSUMER))
                .containsExactly(EgressRule.USE_01);
        assertThat(of(DestinationKind.ANALYTICS, true, true).barring(DataClass.SUBSTANCE_USE, Segment.CONSUMER))
                .containsExactlyInAnyOrder(EgressRule.USE_01, EgressRule.SUD_01);
    }

    @Test
    void identifiers_and_contact_need_a_baa_for_a_consumer_but_not_for_a_business_lead() {
        EgressPolicy crm = of(DestinationKind.CRM, false, false);

        assertThat(crm.barring(DataClass.CONTACT, Segment.CONSUMER)).containsExactly(EgressRule.TRK_05);
        assertThat(crm.barring(DataClass.CONTACT, Segment.EMPLOYER)).isEmpty();
        assertThat(of(DestinationKind.ANALYTICS, true, false).barring(DataClass.IDENTIFIER, Segment.EMPLOYER))
                .containsExactly(EgressRule.TRK_05);
    }

    @Test
    void scores_never_feed_advertising_or_analytics() {
        assertThat(of(DestinationKind.AD_PLATFORM, false, false).barring(DataClass.SCORE, Segment.EMPLOYER))
                .containsExactly(EgressRule.TRK_08);
        assertThat(of(DestinationKind.CRM, false, false).barring(DataClass.SCORE, Segment.EMPLOYER)).isEmpty();
        assertThat(of(DestinationKind.CRM, false, false).barring(DataClass.SCORE, Segment.CONSUMER))
                .containsExactly(EgressRule.TRK_02);
    }

    @Test
    void wire_names_read_back() {
        for (DestinationKind kind : DestinationKind.values()) {
            assertThat(DestinationKind.fromWireName(kind.wireName())).contains(kind);
        }
        for (Remuneration remuneration : Remuneration.values()) {
            assertThat(Remuneration.fromWireName(remuneration.wireName())).contains(remuneration);
        }
        assertThat(DestinationKind.fromWireName("referral_partner")).contains(DestinationKind.REFERRAL_PARTNER);
        assertThat(Remuneration.fromWireName("per_admission")).contains(Remuneration.PER_ADMISSION);
    }
}
