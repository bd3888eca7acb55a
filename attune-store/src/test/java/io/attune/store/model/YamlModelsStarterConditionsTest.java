package io.attune.store.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.condition.Condition;
import io.attune.core.condition.ConditionCompiler;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The starter models' conditions match the leads their rule names promise, and nobody else. */
class YamlModelsStarterConditionsTest {
    private static final Map<Segment, ScoringModel> MODELS =
            YamlModels.starterModels(new ModelCompiler(new ConditionCompiler()));

    @Test
    void benefits_leader_titles_match_and_junior_or_unrelated_titles_do_not() {
        assertTitles(Segment.EMPLOYER, "title_benefits_leader",
                List.of("VP, Benefits", "Vice President of Benefits", "Director of Benefits", "Head of Total Rewards",
                        "Benefits Director", "SVP Benefits & Wellbeing"),
                List.of("Benefits Intern", "Benefits Coordinator", "Chief People Officer", "Benefits Broker",
                        "Software Engineer"));
    }

    @Test
    void people_executive_titles_match_once_without_double_counting_benefits_titles() {
        assertTitles(Segment.EMPLOYER, "title_people_executive",
                List.of("Chief People Officer", "CHRO", "Chief Human Resources Officer", "VP, Human Resources",
                        "Head of People"),
                List.of("VP, Benefits", "HR Coordinator", "People Operations Intern"));
    }

    @Test
    void benefits_broker_titles_match() {
        assertTitles(Segment.EMPLOYER, "title_benefits_broker",
                List.of("Benefits Broker", "Employee Benefits Consultant", "Senior Consultant, Health & Benefits",
                        "Benefits Advisor"),
                List.of("Benefits Intern", "VP, Benefits", "Management Consultant"));
    }

    @Test
    void behavioral_health_leader_titles_match_at_payers() {
        assertTitles(Segment.PAYER, "title_behavioral_health_leader",
                List.of("Director of Behavioral Health", "VP, Behavioral Health Services",
                        "Senior Director, Mental Health Network", "Behavioral Health Director"),
                List.of("Behavioral Health Intern", "Behavioral Health Technician", "Director of Finance"));
    }

    @Test
    void executive_director_titles_match_but_not_their_assistants() {
        assertTitles(Segment.COMMUNITY, "title_executive_director",
                List.of("Executive Director", "CEO", "President & CEO"),
                List.of("Assistant to the Executive Director", "Associate Executive Director", "Vice President",
                        "Program Coordinator"));
    }

    @Test
    void students_and_interns_are_recognised_for_the_negative_rule() {
        assertTitles(Segment.EMPLOYER, "title_student",
                List.of("Benefits Intern", "MBA Student", "HR Internship"),
                List.of("VP, Benefits", "International Benefits Manager"));
    }

    @Test
    void a_lead_without_a_title_simply_does_not_match() {
        assertThat(condition(Segment.EMPLOYER, "title_benefits_leader").test(MapFacts.empty())).isFalse();
    }

    @Test
    void employer_size_bands_do_not_overlap() {
        for (long employees : List.of(249L, 250L, 999L, 1000L, 4999L, 5000L, 120_000L)) {
            MapFacts facts = MapFacts.empty().with("account", Map.of("employees", employees));
            long bands = List.of("employees_250_to_999", "employees_1000_to_4999", "employees_5000_plus").stream()
                    .filter(id -> condition(Segment.EMPLOYER, id).test(facts))
                    .count();
            assertThat(bands).as("%d employees", employees).isEqualTo(employees < 250 ? 0 : 1);
        }
    }

    @Test
    void consumers_fit_by_licensed_state_and_adulthood_and_minors_are_disqualified() {
        MapFacts adultInCalifornia = MapFacts.lead(Map.of("state", "CA", "age", 34L));
        MapFacts teenInCalifornia = MapFacts.lead(Map.of("state", "CA", "age", 17L));
        MapFacts adultInOhio = MapFacts.lead(Map.of("state", "OH", "age", 40L));

        assertThat(condition(Segment.CONSUMER, "licensed_state").test(adultInCalifornia)).isTrue();
        assertThat(condition(Segment.CONSUMER, "adult").test(adultInCalifornia)).isTrue();
        assertThat(condition(Segment.CONSUMER, "adult").test(teenInCalifornia)).isFalse();
        assertThat(condition(Segment.CONSUMER, "under_18").test(teenInCalifornia)).isTrue();
        assertThat(condition(Segment.CONSUMER, "licensed_state").test(adultInOhio)).isFalse();
        assertThat(condition(Segment.CONSUMER, "outside_licensed_states").test(adultInOhio)).isTrue();
    }

    @Test
    void a_return_visit_to_a_condition_page_needs_an_earlier_one() {
        Condition returnVisit = condition(Segment.CONSUMER, "condition_page_return");
        MapFacts anxietyPage = MapFacts.empty().with("page", Map.of("path", "/conditions/anxiety"));

        assertThat(returnVisit.test(anxietyPage.with("seen", Map.of("condition_page", 0L)))).isFalse();
        assertThat(returnVisit.test(anxietyPage.with("seen", Map.of("condition_page", 2L)))).isTrue();
    }

    @Test
    void partner_and_referral_sources_are_read_from_the_campaign() {
        MapFacts fromNami = MapFacts.empty().with("context", Map.of("campaign", Map.of("source", "nami", "medium", "partner")));
        MapFacts fromEap = MapFacts.empty().with("context", Map.of("campaign", Map.of("source", "eap")));
        MapFacts withoutCampaign = MapFacts.empty().with("context", Map.of("userAgent", "Mozilla/5.0"));

        assertThat(condition(Segment.CONSUMER, "association_partner_arrival").test(fromNami)).isTrue();
        assertThat(condition(Segment.CONSUMER, "care_partner_referral_arrival").test(fromEap)).isTrue();
        assertThat(condition(Segment.CONSUMER, "association_partner_arrival").test(withoutCampaign)).isFalse();
    }

    @Test
    void payer_lines_of_business_are_matched_inside_a_list() {
        MapFacts medicaidPlan = MapFacts.empty()
                .with("account", Map.of("linesOfBusiness", List.of("medicaid", "commercial"), "states", List.of("OH", "NY")));

        assertThat(condition(Segment.PAYER, "medicaid_line").test(medicaidPlan)).isTrue();
        assertThat(condition(Segment.PAYER, "medicare_advantage_line").test(medicaidPlan)).isFalse();
        assertThat(condition(Segment.PAYER, "geography_overlap").test(medicaidPlan)).isTrue();
    }

    @Test
    void committee_roles_recognise_the_buying_committee() {
        assertThat(condition(Segment.EMPLOYER, "broker").test(MapFacts.lead(Map.of("title", "Benefits Broker")))).isTrue();
        assertThat(condition(Segment.EMPLOYER, "finance").test(MapFacts.lead(Map.of("title", "CFO")))).isTrue();
        assertThat(condition(Segment.PAYER, "medical_director")
                .test(MapFacts.lead(Map.of("title", "Associate Medical Director")))).isTrue();
    }

    private static void assertTitles(Segment segment, String ruleId, List<String> matching, List<String> notMatching) {
        Condition when = condition(segment, ruleId);
        for (String title : matching) {
            assertThat(when.test(MapFacts.lead(Map.of("title", title)))).as("%s matches %s", ruleId, title).isTrue();
        }
        for (String title : notMatching) {
            assertThat(when.test(MapFacts.lead(Map.of("title", title)))).as("%s does not match %s", ruleId, title).isFalse();
        }
    }

    private static Condition condition(Segment segment, String id) {
        return StarterRules.condition(MODELS.get(segment), id);
    }
}
