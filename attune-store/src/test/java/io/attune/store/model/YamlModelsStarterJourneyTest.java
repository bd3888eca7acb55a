package io.attune.store.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.condition.ConditionCompiler;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The starter thresholds do what their files promise: a realistic engaged lead qualifies within a
 * few days; a casual visitor, even one who fits well, does not in a month of reading.
 */
class YamlModelsStarterJourneyTest {
    private static final Map<Segment, ScoringModel> MODELS =
            YamlModels.starterModels(new ModelCompiler(new ConditionCompiler()));
    private static final Duration DAY = Duration.ofDays(1);
    private static final Map<String, Object> NO_CAMPAIGN = Map.of();

    @Test
    void a_consumer_who_checks_insurance_and_opens_booking_qualifies_within_three_days() {
        Journey person = new Journey(MODELS.get(Segment.CONSUMER))
                .traits(Map.of("email", "sam@example-mail.com", "state", "CA", "age", 34L, "serviceInterest", "therapy"))
                .page("/conditions/anxiety", Map.of("referrer", "https://www.google.com/"), NO_CAMPAIGN)
                .after(DAY).page("/conditions/anxiety")
                .page("/insurance")
                .track("Insurance Check Completed").traits(Map.of("insuranceInNetwork", true))
                .after(DAY).page("/book")
                .track("Intake Started");

        assertThat(person.qualifies()).as(person.toString()).isTrue();
    }

    @Test
    void a_consumer_who_only_reads_never_qualifies_however_complete_the_profile() {
        Journey reader = new Journey(MODELS.get(Segment.CONSUMER))
                .traits(Map.of("email", "sam@example-mail.com", "state", "CA", "age", 34L, "serviceInterest", "therapy",
                        "preferredLanguage", "en", "nearestClinicMiles", 4L));
        for (int day = 0; day < 30; day++) {
            reader.page("/blog/sleep-and-stress").page("/blog/grounding-exercises").page("/conditions/anxiety")
                    .page("/conditions/depression").track("Email Link Clicked").after(DAY);
        }

        assertThat(reader.qualifies()).as(reader.toString()).isFalse();
    }

    @Test
    void a_newsletter_reader_without_profile_never_reaches_the_fit_minimum() {
        Journey reader = new Journey(MODELS.get(Segment.CONSUMER)).traits(Map.of("email", "sam@example-mail.com"));
        for (int day = 0; day < 14; day++) {
            reader.page("/conditions/anxiety").page("/insurance").page("/locations").after(DAY);
        }

        assertThat(reader.qualifies()).as(reader.toString()).isFalse();
    }

    @Test
    void an_engaged_consumer_who_views_crisis_resources_does_not_qualify() {
        Journey person = new Journey(MODELS.get(Segment.CONSUMER))
                .traits(Map.of("email", "sam@example-mail.com", "state", "CA", "age", 34L, "insuranceInNetwork", true))
                .track("Insurance Check Completed").page("/book").track("Intake Started")
                .page("/crisis");

        assertThat(person.disqualified()).isTrue();
        assertThat(person.qualifies()).isFalse();
    }

    @Test
    void a_benefits_leader_at_a_self_insured_employer_qualifies_after_pricing_case_study_and_roi() {
        Journey lead = new Journey(MODELS.get(Segment.EMPLOYER))
                .traits(Map.of("title", "VP, Benefits", "emailDomain", "acme.com"))
                .accountTraits(Map.of("employees", 2500L, "selfInsured", true, "industry", "Software", "country", "US"))
                .page("/blog/eap-utilization", Map.of(), Map.of("source", "linkedin", "medium", "social"))
                .after(DAY).page("/pricing").track("Case Study Downloaded", Map.of("audience", "employer"))
                .after(DAY).track("ROI Calculator Completed");

        assertThat(lead.qualifies()).as(lead.toString()).isTrue();
    }

    @Test
    void a_benefits_leader_known_only_by_title_qualifies_after_a_demo_webinar_and_pricing() {
        Journey lead = new Journey(MODELS.get(Segment.EMPLOYER))
                .traits(Map.of("title", "Director of Benefits", "emailDomain", "acme.com"))
                .track("Webinar Registered")
                .after(DAY).track("Webinar Attended", Map.of("webinarType", "demo")).page("/pricing")
                .after(DAY).page("/pricing").track("ROI Calculator Completed");

        assertThat(lead.qualifies()).as(lead.toString()).isTrue();
    }

    @Test
    void an_ideal_employer_contact_who_only_reads_never_qualifies() {
        Journey reader = new Journey(MODELS.get(Segment.EMPLOYER))
                .traits(Map.of("title", "VP, Benefits", "emailDomain", "acme.com"))
                .accountTraits(Map.of("employees", 2500L, "selfInsured", true, "industry", "Software", "country", "US"));
        for (int day = 0; day < 30; day++) {
            reader.page("/blog/eap-utilization", Map.of(), Map.of("source", "linkedin"))
                    .page("/employers").track("Email Link Clicked").after(DAY);
        }

        assertThat(reader.qualifies()).as(reader.toString()).isFalse();
    }

    @Test
    void a_student_researching_benefits_never_qualifies() {
        Journey student = new Journey(MODELS.get(Segment.EMPLOYER))
                .traits(Map.of("title", "Benefits Intern", "emailDomain", "gmail.com"));
        student.page("/pricing").page("/case-studies/acme").track("ROI Calculator Completed")
                .track("Case Study Downloaded").after(DAY).page("/pricing");

        assertThat(student.qualifies()).as(student.toString()).isFalse();
    }

    @Test
    void a_behavioral_health_director_at_a_medicaid_plan_qualifies_on_the_grade_matrix() {
        Journey lead = new Journey(MODELS.get(Segment.PAYER))
                .traits(Map.of("title", "Director of Behavioral Health", "emailDomain", "examplehealthplan.org"))
                .accountTraits(Map.of("type", "health_plan", "planLives", 400_000L,
                        "linesOfBusiness", List.of("medicaid", "medicare_advantage"), "states", List.of("NY", "NJ")))
                .page("/network")
                .after(DAY).track("Outcomes Report Downloaded").page("/value-based-care")
                .after(DAY).page("/access");

        ScoringModel payer = MODELS.get(Segment.PAYER);
        assertThat(payer.grades()).isPresent();
        assertThat(payer.grades().get().cell(lead.fit(), lead.engagement())).isEqualTo("A2");
        assertThat(lead.qualifies()).as(lead.toString()).isTrue();
    }

    @Test
    void a_payer_contact_who_only_reads_the_blog_never_qualifies() {
        Journey reader = new Journey(MODELS.get(Segment.PAYER))
                .traits(Map.of("title", "Director of Behavioral Health"))
                .accountTraits(Map.of("type", "health_plan", "planLives", 2_000_000L, "linesOfBusiness", List.of("medicaid")));
        for (int day = 0; day < 30; day++) {
            reader.page("/blog/network-adequacy", Map.of(), Map.of("source", "linkedin")).track("Email Link Clicked")
                    .after(DAY);
        }

        assertThat(reader.qualifies()).as(reader.toString()).isFalse();
    }

    @Test
    void a_referral_coordinator_near_a_clinic_qualifies_after_sending_a_referral() {
        Journey lead = new Journey(MODELS.get(Segment.REFERRAL))
                .traits(Map.of("title", "Referral Coordinator", "emailDomain", "valleyfamilymed.com"))
                .accountTraits(Map.of("type", "primary_care_practice", "nearestClinicMiles", 6L, "state", "CA"))
                .page("/for-providers").page("/providers")
                .after(DAY).track("Referral Form Started").track("Referral Submitted", Map.of("referrerType", "clinic"));

        assertThat(lead.qualifies()).as(lead.toString()).isTrue();
    }

    @Test
    void a_referral_form_from_a_patient_is_not_a_referral_source() {
        Journey patient = new Journey(MODELS.get(Segment.REFERRAL))
                .track("Referral Submitted", Map.of("referrerType", "self"));

        assertThat(patient.disqualified()).isTrue();
        assertThat(patient.engagement()).isZero();
    }

    @Test
    void the_best_fitting_physician_who_only_reads_never_qualifies() {
        Journey reader = new Journey(MODELS.get(Segment.REFERRAL))
                .traits(Map.of("title", "Medical Director, Physician", "specialty", "Family Medicine"))
                .accountTraits(Map.of("type", "primary_care_practice", "nearestClinicMiles", 3L,
                        "monthlyBehavioralHealthReferrals", 40L, "providers", 25L, "state", "CA"));
        for (int day = 0; day < 30; day++) {
            reader.page("/blog/collaborative-care", Map.of("referrer", "https://www.doximity.com/"), NO_CAMPAIGN)
                    .track("Email Link Clicked").after(DAY);
        }

        assertThat(reader.qualifies()).as(reader.toString()).isFalse();
    }

    @Test
    void an_executive_director_exploring_grants_and_partnership_qualifies_within_a_week() {
        Journey lead = new Journey(MODELS.get(Segment.COMMUNITY))
                .traits(Map.of("title", "Executive Director", "emailDomain", "riversidecmhc.org"))
                .accountTraits(Map.of("type", "ccbhc", "stateContracts", true, "state", "NY"))
                .page("/grants").page("/partnerships")
                .after(DAY.multipliedBy(2)).track("Grant Toolkit Downloaded").page("/programs/school-based")
                .after(DAY.multipliedBy(2)).track("Webinar Registered");

        assertThat(lead.qualifies()).as(lead.toString()).isTrue();
    }

    @Test
    void an_ideal_community_leader_who_only_reads_never_qualifies() {
        Journey reader = new Journey(MODELS.get(Segment.COMMUNITY))
                .traits(Map.of("title", "Executive Director"))
                .accountTraits(Map.of("type", "ccbhc", "stateContracts", true, "state", "NY",
                        "grants", List.of("SAMHSA CCBHC Expansion"), "catchmentPopulation", 350_000L, "taxStatus", "501c3"));
        for (int day = 0; day < 30; day++) {
            reader.page("/blog/peer-support", Map.of(), Map.of("source", "nami")).track("Email Link Clicked").after(DAY);
        }

        assertThat(reader.qualifies()).as(reader.toString()).isFalse();
    }
}
