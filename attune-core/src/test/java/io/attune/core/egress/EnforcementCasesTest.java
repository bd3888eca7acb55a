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
import io.attune.core.egress.Redaction.Treatment;
import io.attune.core.model.Segment;
import io.attune.core.privacy.ContentGroups;
import io.attune.core.privacy.PageClass;
import io.attune.core.privacy.PageRule;
import io.attune.core.privacy.PrivacyRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The enforcement cases of RULES.md §15, at the core: what each would have sent, and what leaves instead. */
class EnforcementCasesTest {

    /** FTC BetterHelp (§15 #1): emails, IPs and intake answers reached Facebook, Snapchat, Criteo, Pinterest. */
    @Nested
    class BetterHelp {
        private final Map<String, Object> intake = Map.of("email", "jo@example.org", "ip", "203.0.113.9",
                "userId", "u-1", "previouslyInTherapy", true,
                "intakeAnswers", Map.of("reason", "low mood", "medication", "none"), "gclid", "Cj0KCQ");
        private final EgressPolicy meta = policy(DestinationKind.AD_PLATFORM, false, "email", "ip", "userId",
                "previouslyInTherapy", "intakeAnswers", "gclid", "url");

        @Test
        void intake_answers_and_emails_never_reach_an_ad_platform_even_when_allow_listed() {
            EgressDecision decision = decide(META, meta, event(Segment.CONSUMER, "lead_submitted", intake,
                    Map.of("url", "https://example.org/contact-us?gclid=Cj0KCQ")));

            Redacted redacted = (Redacted) decision;
            assertThat(redacted.payload().attributes().asMap()).containsOnlyKeys("userId", "gclid", "url");
            assertThat(redacted.of("email").orElseThrow().rules()).containsExactly(EgressRule.TRK_05);
            assertThat(redacted.of("ip").orElseThrow().rules()).containsExactly(EgressRule.TRK_05);
            assertThat(redacted.of("previouslyInTherapy").orElseThrow().rules())
                    .containsExactly(EgressRule.TRK_06, EgressRule.USE_01);
            assertThat(redacted.of("intakeAnswers").orElseThrow().rules())
                    .containsExactly(EgressRule.TRK_06, EgressRule.USE_01);
            assertThat(redacted.of("userId").orElseThrow().treatment()).isEqualTo(Treatment.PSEUDONYMISED);
            assertThat((String) redacted.payload().field("userId").orElseThrow().value()).startsWith("psn_");
            assertThat(redacted.payload().attributes().asMap().toString())
                    .doesNotContain("jo@example.org", "203.0.113.9", "low mood", "u-1");
        }

        @Test
        void nothing_at_all_leaves_for_an_ad_platform_from_the_intake_form_itself() {
            EgressDecision decision = decide(META, meta, event(Segment.CONSUMER, "lead_submitted", intake,
                    Map.of("url", "https://example.org/intake-form")));

            assertThat(decision.ruleIds()).containsExactly("TRK-03");
            assertThat(decision.deliverable()).isEmpty();
        }

        @Test
        void hashed_emails_of_leads_previously_in_therapy_are_never_uploaded_as_a_custom_audience() {
            EgressDecision decision = decide(META, meta, flow(FlowKind.AUDIENCE_EXPORT, Segment.CONSUMER, false,
                    "custom_audience", Map.of("hashedEmail", "9f86d081884c7d65", "previouslyInTherapy", true)));

            assertThat(decision).isInstanceOf(Blocked.class);
            assertThat(decision.ruleIds()).containsExactly("TRK-07", "USE-01");
        }

        @Test
        void the_same_intake_answers_go_to_the_intake_team_under_a_baa() {
            EgressPolicy intakeTeam = policy(DestinationKind.INTAKE, true, "email", "previouslyInTherapy",
                    "intakeAnswers");

            EgressDecision decision = decide(CRM, intakeTeam, flow(FlowKind.HAND_OFF, Segment.CONSUMER, false,
                    "lead.mql", Map.of("email", "jo@example.org", "previouslyInTherapy", true,
                            "intakeAnswers", Map.of("reason", "low mood"))));

            assertThat(decision.outcome()).isEqualTo("sent");
            assertThat(decision.deliverable().orElseThrow().attributes().asMap())
                    .containsOnlyKeys("email", "previouslyInTherapy", "intakeAnswers");
        }
    }

    /** FTC/DOJ Monument (§15 #3): custom events named "Paid: Weekly Therapy" went to Meta and Google. */
    @Nested
    class Monument {
        private final EgressPolicy capi = policy(DestinationKind.AD_PLATFORM, false, "value", "currency");

        @Test
        void a_conversion_named_after_the_service_is_blocked() {
            EgressDecision decision = decide(META, capi, event(Segment.CONSUMER, "Paid: Weekly Therapy",
                    Map.of("value", 99, "currency", "USD"), Map.of()));

            assertThat(decision).isInstanceOf(Blocked.class);
            assertThat(decision.ruleIds()).containsExactly("TRK-06");
            assertThat(((Blocked) decision).reason()).doesNotContain("Therapy", "therapy");
            assertThat(decide(META, capi, event(Segment.CONSUMER, "Paid: Med Management", Map.of(), Map.of()))
                    .ruleIds()).containsExactly("TRK-06");
        }

        @Test
        void for_an_alcohol_use_disorder_patient_the_block_also_names_the_part_2_wall() {
            OutboundPayload payload = OutboundPayload.of(FlowKind.EVENT, "Paid: Weekly Therapy", Segment.CONSUMER, true,
                    AT, io.attune.core.event.Attributes.EMPTY, io.attune.core.event.Attributes.EMPTY,
                    PRIVACY.dictionary());

            assertThat(decide(META, capi, payload).ruleIds()).containsExactly("TRK-06", "USE-01", "SUD-01");
        }

        @Test
        void a_generic_conversion_name_goes_through() {
            EgressDecision decision = decide(META, capi, event(Segment.CONSUMER, "lead_submitted",
                    Map.of("value", 99, "currency", "USD"), Map.of()));

            assertThat(decision.outcome()).isEqualTo("sent");
        }
    }

    /** NY AG v. NewYork-Presbyterian (§15 #6): URLs with search terms went to Meta and Google with IPs, cookie ids. */
    @Nested
    class NewYorkPresbyterian {
        private static final String PAGE = "https://www.example.org/find-a-therapist?condition=ptsd&gclid=abc123";
        private final EgressPolicy analytics = policy(DestinationKind.ANALYTICS, false, "url", "referrer", "title",
                "ip", "anonymousId", "email", "gclid");
        private final Map<String, Object> visitor = Map.of("ip", "198.51.100.7", "anonymousId", "a-77",
                "email", "sam@example.org");

        @Test
        void the_condition_search_page_itself_sends_analytics_nothing() {
            EgressDecision decision = decide(GA, analytics, event(Segment.CONSUMER, "", visitor,
                    Map.of("url", PAGE, "title", "Find a PTSD therapist")));

            assertThat(decision.ruleIds()).containsExactly("TRK-03");
        }

        @Test
        void where_the_event_may_leave_the_url_goes_as_a_content_group_and_the_identifiers_are_dropped() {
            PrivacyRules directoryIsReading = PrivacyRules.configured(Egress.GROUP_KEY, List.of(), List.of(), Map.of(),
                    List.of(PageRule.prefix("/find-a-therapist", PageClass.HEALTH_EDUCATIONAL)), List.of());
            EgressFilter filter = new EgressFilter(directoryIsReading, Egress.PSEUDONYMS);

            Redacted redacted = (Redacted) filter.decide(GA, analytics, event(Segment.CONSUMER, "", visitor,
                    Map.of("url", PAGE, "title", "Find a PTSD therapist")), EgressConsents.NONE);

            Map<String, Object> sent = redacted.payload().attributes().asMap();
            assertThat(sent).containsOnlyKeys("url", "title");
            assertThat(ContentGroups.isContentGroup((String) sent.get("url"))).isTrue();
            assertThat(ContentGroups.isContentGroup((String) sent.get("title"))).isTrue();
            assertThat(sent.toString()).doesNotContainIgnoringCase("ptsd").doesNotContain("therapist", "abc123");
            assertThat(redacted.of("url").orElseThrow().rules()).containsExactly(EgressRule.TRK_04);
            assertThat(redacted.of("ip").orElseThrow().rules())
                    .containsExactly(EgressRule.TRK_03, EgressRule.TRK_05);
            assertThat(redacted.of("email").orElseThrow().rules()).containsExactly(EgressRule.TRK_05);
            assertThat(redacted.of("anonymousId").orElseThrow().rules())
                    .containsExactly(EgressRule.TRK_03, EgressRule.TRK_05);
        }

        @Test
        void the_page_as_a_referrer_of_a_later_visit_leaves_only_as_its_content_group() {
            Redacted redacted = (Redacted) decide(GA, analytics, event(Segment.CONSUMER, "", visitor,
                    Map.of("url", "https://www.example.org/visiting-hours", "referrer", PAGE)));

            Map<String, Object> sent = redacted.payload().attributes().asMap();
            assertThat(sent).containsOnlyKeys("url", "referrer", "anonymousId");
            assertThat(sent.get("referrer")).isEqualTo(PRIVACY.contentGroups().ofUrl(PAGE));
            assertThat(sent.toString()).doesNotContainIgnoringCase("ptsd").doesNotContain("198.51.100.7", "a-77");
            assertThat(redacted.of("anonymousId").orElseThrow().treatment()).isEqualTo(Treatment.PSEUDONYMISED);
        }
    }

    /** FTC v. R360 (§15 #5): addiction-treatment callers auto-routed to member centres that paid for them. */
    @Nested
    class R360 {
        private final EgressConsents consented = EgressConsents.of(true, true);

        private EgressPolicy partner(Remuneration remuneration) {
            return new EgressPolicy(DestinationKind.REFERRAL_PARTNER, true, true, remuneration,
                    Set.of(HandOffPayloads.LEAD, "firstName", "phone"));
        }

        private OutboundPayload sudLead() {
            return HandOffPayloads.of(Egress.mql(PARTNER, Segment.CONSUMER,
                    Map.of("firstName", "Ray", "phone", "+15555550100", "drugOfChoice", "opioids")),
                    PRIVACY.dictionary(), true);
        }

        @Test
        void a_substance_use_lead_to_a_partner_paid_per_admission_is_blocked() {
            EgressDecision decision = FILTER.decide(PARTNER, partner(Remuneration.PER_ADMISSION), sudLead(), consented);

            assertThat(decision).isInstanceOf(Blocked.class);
            assertThat(decision.ruleIds()).containsExactly("USE-04", "SUD-04");
            assertThat(((Blocked) decision).reason()).contains("per lead, call, admission or revenue share");
        }

        @Test
        void per_lead_per_call_and_revenue_share_are_blocked_alike() {
            for (Remuneration byVolume : List.of(Remuneration.PER_LEAD, Remuneration.PER_CALL,
                    Remuneration.REV_SHARE)) {
                assertThat(FILTER.decide(PARTNER, partner(byVolume), sudLead(), consented).ruleIds())
                        .contains("SUD-04");
            }
        }

        @Test
        void an_unpaid_partner_gets_the_lead_under_part_2_and_share_consent() {
            EgressDecision decision = FILTER.decide(PARTNER, partner(Remuneration.NONE), sudLead(), consented);

            assertThat(decision.deliverable().orElseThrow().attributes().asMap())
                    .containsOnlyKeys(HandOffPayloads.LEAD, "firstName", "phone", Part2Notice.FIELD)
                    .containsEntry(Part2Notice.FIELD, Part2Notice.TEXT);
        }

        @Test
        void without_part_2_consent_even_an_unpaid_partner_gets_nothing() {
            EgressDecision decision = FILTER.decide(PARTNER, partner(Remuneration.NONE), sudLead(),
                    EgressConsents.of(true, false));

            assertThat(decision.ruleIds()).containsExactly("SUD-01");
        }
    }

    /** AHA v. Becerra (§15 #11): the same event on an educational and on an intent page. */
    @Nested
    class AhaVBecerra {
        private final EgressPolicy analytics = policy(DestinationKind.ANALYTICS, false, "url", "anonymousId",
                "library");
        private final Map<String, Object> visit = Map.of("anonymousId", "a-1", "library", "analytics.js");

        @Test
        void the_article_leaves_identifier_free_and_generalised_the_assessment_not_at_all() {
            EgressDecision article = decide(GA, analytics, event(Segment.CONSUMER, "", visit,
                    Map.of("url", "https://example.org/anxiety-articles")));
            EgressDecision assessment = decide(GA, analytics, event(Segment.CONSUMER, "", visit,
                    Map.of("url", "https://example.org/book-anxiety-assessment")));

            assertThat(article.deliverable().orElseThrow().attributes().asMap()).containsOnlyKeys("url", "library");
            assertThat(article.ruleIds()).containsExactly("TRK-03", "TRK-04", "TRK-05");
            assertThat(assessment).isInstanceOf(Blocked.class);
            assertThat(assessment.ruleIds()).containsExactly("TRK-03");
        }

        @Test
        void a_non_health_page_keeps_a_pseudonymous_id() {
            EgressDecision careers = decide(GA, analytics, event(Segment.CONSUMER, "", visit,
                    Map.of("url", "https://example.org/careers")));

            assertThat((String) careers.deliverable().orElseThrow().field("anonymousId").orElseThrow().value())
                    .startsWith("psn_");
        }
    }
}
