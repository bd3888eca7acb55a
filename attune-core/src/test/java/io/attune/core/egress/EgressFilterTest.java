package io.attune.core.egress;

import static io.attune.core.egress.Egress.AT;
import static io.attune.core.egress.Egress.CRM;
import static io.attune.core.egress.Egress.FILTER;
import static io.attune.core.egress.Egress.GA;
import static io.attune.core.egress.Egress.META;
import static io.attune.core.egress.Egress.PARTNER;
import static io.attune.core.egress.Egress.PRIVACY;
import static io.attune.core.egress.Egress.decide;
import static io.attune.core.egress.Egress.event;
import static io.attune.core.egress.Egress.flow;
import static io.attune.core.egress.Egress.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.egress.EgressDecision.Blocked;
import io.attune.core.egress.EgressDecision.Redacted;
import io.attune.core.egress.OutboundPayload.Field;
import io.attune.core.egress.Redaction.Treatment;
import io.attune.core.model.Segment;
import io.attune.core.privacy.ContentGroups;
import io.attune.core.privacy.DataClass;
import io.attune.core.privacy.PageClass;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EgressFilterTest {

    @Test
    void a_property_the_destination_does_not_list_never_leaves() {
        Redacted redacted = (Redacted) decide(CRM, policy(DestinationKind.CRM, false, "email"),
                flow(FlowKind.HAND_OFF, Segment.EMPLOYER, false, "lead.mql",
                        Map.of("email", "vp@acme.example", "company", "Acme")));

        assertThat(redacted.payload().attributes().asMap()).containsOnlyKeys("email");
        assertThat(redacted.of("company").orElseThrow().rules()).containsExactly(EgressRule.TRK_01);
        assertThat(redacted.of("company").orElseThrow().treatment()).isEqualTo(Treatment.REMOVED);
    }

    @Test
    void a_destination_that_lists_nothing_receives_no_property() {
        EgressDecision decision = decide(CRM, EgressPolicy.denyAll(DestinationKind.CRM),
                flow(FlowKind.HAND_OFF, Segment.PAYER, false, "lead.mql", Map.of("email", "d@plan.example")));

        assertThat(decision.deliverable().orElseThrow().fields()).isEmpty();
        assertThat(decision.ruleIds()).containsExactly("TRK-01");
    }

    @Test
    void a_consumer_lead_never_goes_to_a_destination_without_a_baa() {
        for (DestinationKind kind : List.of(DestinationKind.CRM, DestinationKind.INTAKE, DestinationKind.EMAIL,
                DestinationKind.SMS)) {
            EgressDecision decision = decide(CRM, policy(kind, false, "email"),
                    flow(FlowKind.HAND_OFF, Segment.CONSUMER, false, "lead.mql", Map.of("email", "jo@example.org")));

            assertThat(decision.ruleIds()).as(kind.wireName()).containsExactly("TRK-02");
        }
    }

    @Test
    void a_business_lead_goes_to_a_crm_without_a_baa_with_its_page_context_generalised() {
        Redacted redacted = (Redacted) decide(CRM, policy(DestinationKind.CRM, false, "email", "title", "url"),
                event(Segment.EMPLOYER, "Mental Health ROI Calculator Completed",
                        Map.of("email", "vp@acme.example", "title", "VP Benefits"),
                        Map.of("url", "https://example.org/employers/mental-health-roi?utm_campaign=eap")));

        Map<String, Object> sent = redacted.payload().attributes().asMap();
        assertThat(sent).containsEntry("email", "vp@acme.example").containsEntry("title", "VP Benefits");
        assertThat(ContentGroups.isContentGroup((String) sent.get("url"))).isTrue();
        assertThat(redacted.rules()).containsExactly(EgressRule.TRK_04);
    }

    @Test
    void a_destination_under_a_baa_receives_the_page_as_it_was() {
        EgressDecision decision = decide(CRM, policy(DestinationKind.INTAKE, true, "url"),
                event(Segment.CONSUMER, "Appointment Booked", Map.of(), Map.of("url", "/book?service=therapy")));

        assertThat(decision.outcome()).isEqualTo("sent");
        assertThat(decision.deliverable().orElseThrow().field("url").orElseThrow().value())
                .isEqualTo("/book?service=therapy");
    }

    @Test
    void sensitive_attributes_never_leave_even_under_a_baa() {
        Redacted redacted = (Redacted) decide(CRM, policy(DestinationKind.INTAKE, true, "religion", "genderIdentity",
                "email"), flow(FlowKind.HAND_OFF, Segment.CONSUMER, false, "lead.mql",
                Map.of("religion", "any", "genderIdentity", "any", "email", "jo@example.org")));

        assertThat(redacted.payload().attributes().asMap()).containsOnlyKeys("email");
        assertThat(redacted.of("religion").orElseThrow().rules()).containsExactly(EgressRule.USE_10);
        assertThat(redacted.of("genderIdentity").orElseThrow().rules()).containsExactly(EgressRule.USE_10);
    }

    @Test
    void substance_use_data_needs_a_qso_agreement_and_a_part_2_consent_covering_the_disclosure() {
        OutboundPayload lead = flow(FlowKind.HAND_OFF, Segment.CONSUMER, false, "lead.mql",
                Map.of("email", "ray@example.org", "drugOfChoice", "alcohol"));
        EgressPolicy noQso = policy(DestinationKind.INTAKE, true, "email", "drugOfChoice");
        EgressPolicy qso = new EgressPolicy(DestinationKind.INTAKE, true, true, Remuneration.NONE,
                Set.of("email", "drugOfChoice"));

        assertThat(decide(CRM, qso, lead).ruleIds()).containsExactly("SUD-01");
        Redacted withoutQso = (Redacted) FILTER.decide(CRM, noQso, lead, EgressConsents.of(false, true));
        assertThat(withoutQso.of("drugOfChoice").orElseThrow().rules())
                .containsExactly(EgressRule.TRK_02, EgressRule.SUD_01);
        assertThat(FILTER.decide(CRM, qso, lead, EgressConsents.of(false, true)).outcome()).isEqualTo("sent");
    }

    @Test
    void a_disclosure_of_substance_use_data_carries_the_part_2_notice_whatever_the_allow_list_and_nothing_else_does() {
        EgressPolicy qso = new EgressPolicy(DestinationKind.INTAKE, true, true, Remuneration.NONE, Set.of("email"));
        OutboundPayload sud = flow(FlowKind.HAND_OFF, Segment.CONSUMER, true, "lead.mql",
                Map.of("email", "ray@example.org", Part2Notice.FIELD, "forged by the sender"));
        OutboundPayload other = flow(FlowKind.HAND_OFF, Segment.CONSUMER, false, "lead.mql",
                Map.of("email", "jo@example.org", Part2Notice.FIELD, "forged by the sender"));

        assertThat(FILTER.decide(CRM, qso, sud, EgressConsents.of(false, true)).deliverable().orElseThrow()
                .attributes().asMap()).containsOnlyKeys("email", Part2Notice.FIELD)
                .containsEntry(Part2Notice.FIELD, Part2Notice.TEXT);
        assertThat(FILTER.decide(CRM, qso, other, EgressConsents.of(false, true)).deliverable().orElseThrow()
                .attributes().asMap()).containsOnlyKeys("email");
        assertThat(Part2Notice.TEXT).startsWith("This record which has been disclosed to you is protected by Federal"
                + " confidentiality rules (42 CFR part 2).");
    }

    @Test
    void a_consumer_page_about_substance_use_makes_the_event_substance_use_data() {
        EgressDecision decision = decide(CRM, policy(DestinationKind.CRM, true, "url"),
                event(Segment.CONSUMER, "", Map.of(), Map.of("url", "/detox-programs")));

        assertThat(decision.ruleIds()).containsExactly("SUD-01");
    }

    @Test
    void a_business_hand_off_reaches_analytics_without_its_score_and_with_a_pseudonymous_lead_id() {
        OutboundPayload mql = HandOffPayloads.of(Egress.mql(GA, Segment.EMPLOYER, Map.of("employees", 5000)),
                PRIVACY.dictionary(), false);
        EgressPolicy analytics = policy(DestinationKind.ANALYTICS, false, HandOffPayloads.LEAD,
                HandOffPayloads.STAGE, HandOffPayloads.SCORE, "employees");

        Redacted redacted = (Redacted) decide(GA, analytics, mql);

        assertThat(redacted.payload().attributes().asMap()).containsOnlyKeys(HandOffPayloads.LEAD, "employees");
        assertThat(redacted.of(HandOffPayloads.SCORE).orElseThrow().rules()).containsExactly(EgressRule.TRK_08);
        assertThat(redacted.of(HandOffPayloads.STAGE).orElseThrow().rules()).containsExactly(EgressRule.TRK_08);
        assertThat(redacted.of(HandOffPayloads.LEAD).orElseThrow().treatment()).isEqualTo(Treatment.PSEUDONYMISED);
    }

    @Test
    void a_consumer_hand_off_never_reaches_advertising_or_analytics() {
        OutboundPayload mql = HandOffPayloads.of(Egress.mql(GA, Segment.CONSUMER, Map.of()), PRIVACY.dictionary(),
                false);

        assertThat(decide(GA, policy(DestinationKind.ANALYTICS, true, HandOffPayloads.LEAD), mql).ruleIds())
                .containsExactly("TRK-08", "USE-01");
        assertThat(decide(META, policy(DestinationKind.AD_PLATFORM, false, HandOffPayloads.LEAD), mql).ruleIds())
                .containsExactly("TRK-08", "USE-01");
    }

    @Test
    void advertising_and_analytics_never_get_a_health_event_name_or_parameter_even_for_a_business_lead() {
        EgressPolicy analytics = policy(DestinationKind.ANALYTICS, false, "content", "employees");

        assertThat(decide(GA, analytics, event(Segment.EMPLOYER, "Mental Health ROI Calculator Completed", Map.of(),
                Map.of())).ruleIds()).containsExactly("TRK-06");
        Redacted redacted = (Redacted) decide(GA, analytics, event(Segment.EMPLOYER, "download",
                Map.of("content", "Anxiety toolkit for managers", "employees", 800), Map.of()));
        assertThat(redacted.payload().attributes().asMap()).containsOnlyKeys("employees");
        assertThat(redacted.of("content").orElseThrow().rules()).containsExactly(EgressRule.TRK_06);
    }

    @Test
    void a_business_audience_export_to_an_ad_platform_is_blocked_too() {
        assertThat(decide(META, policy(DestinationKind.AD_PLATFORM, false, "email"),
                flow(FlowKind.AUDIENCE_EXPORT, Segment.EMPLOYER, false, "audience", Map.of("email", "a@b.example")))
                .ruleIds()).containsExactly("TRK-07");
    }

    @Test
    void a_referral_partner_gets_a_lead_only_with_consent_to_share() {
        EgressPolicy partner = policy(DestinationKind.REFERRAL_PARTNER, true, "email");
        OutboundPayload lead = flow(FlowKind.HAND_OFF, Segment.CONSUMER, false, "lead.mql",
                Map.of("email", "jo@example.org"));

        assertThat(decide(PARTNER, partner, lead).ruleIds()).containsExactly("USE-02");
        assertThat(FILTER.decide(PARTNER, partner, lead, EgressConsents.of(true, false)).outcome()).isEqualTo("sent");
    }

    @Test
    void a_destination_declared_with_any_remuneration_gets_no_lead_data() {
        EgressPolicy flat = new EgressPolicy(DestinationKind.CRM, true, false, Remuneration.FLAT, Set.of("email"));

        EgressDecision decision = decide(CRM, flat, flow(FlowKind.HAND_OFF, Segment.PAYER, false, "lead.mql",
                Map.of("email", "d@plan.example")));

        assertThat(decision.ruleIds()).containsExactly("USE-04");
        assertThat(((Blocked) decision).reason()).contains("flat").doesNotContain("d@plan.example");
    }

    @Test
    void the_page_class_ingestion_decided_wins_over_the_url() {
        OutboundPayload portalScreen = event(Segment.CONSUMER, "", Map.of("library", "ios"),
                Map.of("url", "/home")).withPageClass(PageClass.AUTHENTICATED);

        assertThat(decide(GA, policy(DestinationKind.ANALYTICS, false, "library"), portalScreen).ruleIds())
                .containsExactly("TRK-03");
    }

    @Test
    void click_ids_of_a_generalised_url_leave_as_fields_when_allow_listed() {
        EgressPolicy ads = policy(DestinationKind.AD_PLATFORM, false, "url", "gclid");

        EgressDecision decision = decide(META, ads, event(Segment.CONSUMER, "lead_submitted", Map.of(),
                Map.of("url", "https://example.org/careers?gclid=G-1&fbclid=F-1&ref=x")));

        assertThat(decision.deliverable().orElseThrow().attributes().asMap())
                .containsOnlyKeys("url", "gclid").containsEntry("gclid", "G-1");
    }

    @Test
    void page_context_that_is_not_text_is_removed_rather_than_generalised() {
        Redacted redacted = (Redacted) decide(CRM, policy(DestinationKind.CRM, false, "search"),
                event(Segment.EMPLOYER, "", Map.of(), Map.of("search", List.of("ptsd", "employer"))));

        assertThat(redacted.of("search").orElseThrow().rules()).containsExactly(EgressRule.TRK_04);
        assertThat(redacted.payload().fields()).isEmpty();
    }

    @Test
    void the_same_payload_gets_the_same_decision_so_a_retry_sends_the_same_pseudonym() {
        OutboundPayload payload = new OutboundPayload(FlowKind.EVENT, "lead_submitted", Segment.CONSUMER, false,
                Optional.empty(), AT, List.of(new Field("userId", DataClass.IDENTIFIER, "u-9")));
        EgressPolicy ads = policy(DestinationKind.AD_PLATFORM, false, "userId");

        assertThat(decide(META, ads, payload)).isEqualTo(decide(META, ads, payload));
        assertThat(decide(META, ads, payload).deliverable().orElseThrow().field("userId").orElseThrow().value())
                .isNotEqualTo(decide(GA, policy(DestinationKind.ANALYTICS, false, "userId"), payload).deliverable()
                        .orElseThrow().field("userId").orElseThrow().value());
    }

    @Test
    void every_rule_that_blocks_is_named_and_the_reason_holds_no_values() {
        EgressPolicy paidPartner = new EgressPolicy(DestinationKind.REFERRAL_PARTNER, false, false,
                Remuneration.PER_LEAD, Set.of("email"));

        Blocked blocked = (Blocked) decide(PARTNER, paidPartner, flow(FlowKind.HAND_OFF, Segment.CONSUMER, true,
                "Detox Call", Map.of("email", "ray@example.org")));

        assertThat(blocked.ruleIds()).containsExactly("TRK-02", "TRK-06", "USE-02", "USE-04", "SUD-01", "SUD-04");
        assertThat(blocked.reason()).contains("(TRK-02)", "(SUD-04)").doesNotContain("ray@example.org", "Detox");
    }
}
