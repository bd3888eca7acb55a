package io.attune.cli.demo;

import io.attune.core.model.Segment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four B2B playbooks. Event names and page paths are the ones the starter models score
 * (employer.yaml, payer.yaml, referral.yaml, community.yaml); a few realistic events they do not
 * score ("Guide Downloaded", "Newsletter Signed Up") are there because real sites send them.
 */
final class Playbooks {
    private Playbooks() {
    }

    static Playbook of(Segment segment) {
        return switch (segment) {
            case EMPLOYER -> EMPLOYER;
            case PAYER -> PAYER;
            case REFERRAL -> REFERRAL;
            case COMMUNITY -> COMMUNITY;
            case CONSUMER -> throw new IllegalArgumentException("consumers have no B2B playbook");
        };
    }

    private static Map<String, List<String>> roles(Object... roleAndTitles) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (int i = 0; i < roleAndTitles.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> titles = (List<String>) roleAndTitles[i + 1];
            roles.put((String) roleAndTitles[i], titles);
        }
        return roles;
    }

    private static final Playbook EMPLOYER = new Playbook(Segment.EMPLOYER,
            List.of("/blog/mental-health-benefits-trends", "/blog/measuring-the-roi-of-mental-health-benefits",
                    "/blog/eap-alternatives-for-self-insured-employers", "/resources/manager-mental-health-training-guide",
                    "/resources/open-enrollment-communication-toolkit"),
            List.of("/employers", "/for-employers", "/solutions/employers", "/outcomes", "/research",
                    "/case-studies/regional-health-system", "/case-studies/national-retailer",
                    "/customers/financial-services-firm", "/brokers"),
            List.of("/pricing", "/pricing/employers", "/security", "/hipaa", "/implementation", "/integrations",
                    "/eligibility", "/case-studies/university-system"),
            List.of(Dice.Weighted.of(Playbook.Step.of("/case-studies/regional-health-system", "Case Study Downloaded",
                            "audience", "employer", "asset", "regional-health-system"), 40),
                    Dice.Weighted.of(Playbook.Step.of("/outcomes", "Outcomes Report Downloaded",
                            "asset", "2025-employer-outcomes"), 20),
                    Dice.Weighted.of(Playbook.Step.of("/resources/manager-mental-health-training-guide", "Guide Downloaded",
                            "asset", "manager-training-guide"), 40)),
            List.of(Playbook.Step.of("/pricing", "ROI Calculator Completed", "employeesEntered", 2_500,
                            "currency", "USD"),
                    Playbook.Step.of("/webinars/live-product-demo", "Webinar Attended", "webinar", "live-product-demo",
                            "webinarType", "demo"),
                    Playbook.Step.of("/pricing", "Demo Requested", "form", "pricing-demo-request"),
                    Playbook.Step.of("/employers", "Meeting Booked", "meetingType", "intro-call")),
            List.of(Playbook.Step.of("/case-studies/national-retailer", "Case Study Downloaded",
                            "audience", "employer", "asset", "national-retailer"),
                    Playbook.Step.of("/pricing", "ROI Calculator Completed", "employeesEntered", 4_000,
                            "currency", "USD"),
                    Playbook.Step.of("/webinars/benefits-leader-roundtable", "Webinar Registered",
                            "webinar", "benefits-leader-roundtable")),
            roles("benefits_leader", List.of("VP, Benefits", "Director of Benefits", "Head of Total Rewards"),
                    "people_executive", List.of("Chief People Officer", "CHRO", "VP, People"),
                    "finance", List.of("CFO", "VP, Finance")),
            new Playbook.Titles(
                    List.of("VP, Benefits", "Director of Benefits", "Head of Total Rewards",
                            "Senior Director, Benefits & Wellbeing", "Chief People Officer", "VP, People", "Head of HR",
                            "Benefits Manager", "Total Rewards Manager", "HR Director"),
                    List.of("Benefits Specialist", "Benefits Analyst", "HR Manager", "HR Business Partner",
                            "People Operations Manager", "Wellness Program Coordinator", "Office Manager",
                            "Talent Acquisition Partner", "Operations Director", "Controller"),
                    List.of("MBA Student", "HR Intern", "Graduate Assistant"),
                    List.of("Account Executive", "Business Development Manager", "Sales Director"),
                    List.of("Product Marketing Manager", "Director of Partnerships", "Competitive Intelligence Analyst"),
                    List.of("HR Generalist", "Recruiting Coordinator")));

    private static final Playbook PAYER = new Playbook(Segment.PAYER,
            List.of("/insights/network-adequacy-in-behavioral-health", "/insights/measurement-based-care-101",
                    "/blog/medicaid-behavioral-health-access", "/blog/value-based-contracting-lessons"),
            List.of("/payers", "/health-plans", "/outcomes", "/measurement-based-care", "/quality", "/access",
                    "/case-studies/medicaid-mco"),
            List.of("/network", "/contracting", "/value-based-care", "/partnerships/payers", "/credentialing",
                    "/provider-data", "/wait-times"),
            List.of(Dice.Weighted.of(Playbook.Step.of("/outcomes", "Outcomes Report Downloaded",
                            "asset", "2025-outcomes-report"), 6),
                    Dice.Weighted.of(Playbook.Step.of("/case-studies/medicaid-mco", "Case Study Downloaded",
                            "audience", "payer", "asset", "medicaid-mco"), 44),
                    Dice.Weighted.of(Playbook.Step.of("/insights/measurement-based-care-101", "Guide Downloaded",
                            "asset", "measurement-based-care-primer"), 50)),
            List.of(Playbook.Step.of("/outcomes", "Outcomes Report Downloaded", "asset", "2025-outcomes-report"),
                    Playbook.Step.of("/network", "Network Inquiry Submitted", "lineOfBusiness", "medicaid"),
                    Playbook.Step.of("/contracting", "Meeting Requested", "topic", "network-contracting"),
                    Playbook.Step.of("/contracting", "Contracting Request Submitted", "lineOfBusiness", "commercial")),
            List.of(Playbook.Step.of("/outcomes", "Outcomes Report Downloaded", "asset", "2025-outcomes-report"),
                    Playbook.Step.of("/case-studies/medicaid-mco", "Case Study Downloaded",
                            "audience", "payer", "asset", "medicaid-mco"),
                    Playbook.Step.of("/webinars/measurement-based-care", "Webinar Attended",
                            "webinar", "measurement-based-care")),
            roles("behavioral_health_leader", List.of("Director of Behavioral Health", "VP, Behavioral Health"),
                    "network_contracting", List.of("Director, Network Contracting", "Network Development Manager"),
                    "medical_director", List.of("Medical Director", "Associate Medical Director, Behavioral Health")),
            new Playbook.Titles(
                    List.of("Director of Behavioral Health", "VP, Behavioral Health",
                            "Senior Director, Behavioral Health Network", "Director, Provider Contracting",
                            "Network Development Manager", "Medical Director",
                            "Director of Quality and Population Health", "EAP Program Director"),
                    List.of("Provider Relations Representative", "Care Manager", "Claims Analyst",
                            "HEDIS Program Manager", "Account Manager", "Utilization Review Nurse"),
                    List.of("MPH Student", "Health Policy Intern"),
                    List.of("Account Executive", "Business Development Director"),
                    List.of("Director of Payer Partnerships", "Growth Marketing Lead"),
                    List.of("Claims Specialist", "Member Services Representative")));

    private static final Playbook REFERRAL = new Playbook(Segment.REFERRAL,
            List.of("/blog/collaborative-care-in-primary-care", "/blog/measurement-based-care-for-referring-clinicians",
                    "/blog/what-happens-after-you-refer"),
            List.of("/providers", "/find-a-provider", "/services", "/programs", "/levels-of-care", "/insurance",
                    "/availability", "/cme", "/grand-rounds"),
            List.of("/refer", "/referrals", "/for-providers", "/wait-times"),
            List.of(Dice.Weighted.of(Playbook.Step.of("/for-providers", "Referral Guide Downloaded",
                            "asset", "referral-guide"), 40),
                    Dice.Weighted.of(Playbook.Step.of("/outcomes", "Outcomes Report Downloaded",
                            "asset", "2025-outcomes-report"), 20),
                    Dice.Weighted.of(Playbook.Step.of("/cme", "CME Registered",
                            "course", "collaborative-care-fundamentals"), 20),
                    Dice.Weighted.of(Playbook.Step.of("/providers", "Provider Directory Searched",
                            "filter", "accepting-new-patients"), 20)),
            List.of(Playbook.Step.of("/refer", "Referral Form Started", "form", "clinician-referral"),
                    Playbook.Step.of("/refer", "Referral Submitted", "referrerType", "clinician", "urgency", "routine"),
                    Playbook.Step.of("/for-providers", "Meeting Requested", "topic", "provider-relations-visit"),
                    Playbook.Step.of("/grand-rounds", "CME Attended", "course", "measurement-based-care-in-primary-care")),
            List.of(Playbook.Step.of("/providers", "Provider Directory Searched", "filter", "accepting-new-patients"),
                    Playbook.Step.of("/cme", "CME Registered", "course", "collaborative-care-fundamentals"),
                    Playbook.Step.of("/for-providers", "Referral Guide Downloaded", "asset", "referral-guide")),
            roles("referral_coordinator", List.of("Referral Coordinator", "Care Coordinator"),
                    "physician_champion", List.of("Medical Director", "Family Physician"),
                    "practice_manager", List.of("Practice Manager", "Practice Administrator")),
            new Playbook.Titles(
                    List.of("Referral Coordinator", "Care Coordinator", "Patient Navigator", "Practice Manager",
                            "Family Physician", "Nurse Practitioner", "LCSW, Case Manager", "Discharge Planner",
                            "Director of Care Management", "Medical Director"),
                    List.of("Medical Assistant", "Registered Nurse", "Front Desk Supervisor", "Physician Assistant",
                            "Office Manager"),
                    List.of("Medical Student", "Nursing Student"),
                    List.of("Pharmaceutical Sales Representative", "Territory Manager", "Medical Science Liaison"),
                    List.of(),
                    List.of("Medical Assistant", "Registered Nurse")));

    private static final Playbook COMMUNITY = new Playbook(Segment.COMMUNITY,
            List.of("/blog/ccbhc-certification-lessons", "/blog/building-community-partnerships",
                    "/blog/workforce-retention-in-community-mental-health"),
            List.of("/programs/intensive-outpatient", "/programs/school-based-services", "/services/care-coordination",
                    "/ccbhc", "/community-behavioral-health", "/outcomes", "/impact", "/annual-report", "/training"),
            List.of("/grants", "/funding", "/grant-resources", "/partner", "/partnerships", "/community-partners"),
            List.of(Dice.Weighted.of(Playbook.Step.of("/programs/school-based-services", "Program Guide Downloaded",
                            "asset", "school-based-services-guide"), 40),
                    Dice.Weighted.of(Playbook.Step.of("/grant-resources", "Grant Toolkit Downloaded",
                            "asset", "ccbhc-partnership-toolkit"), 20),
                    Dice.Weighted.of(Playbook.Step.of("/impact", "Outcomes Report Downloaded",
                            "asset", "2025-community-impact"), 20),
                    Dice.Weighted.of(Playbook.Step.of("/training", "Webinar Registered",
                            "webinar", "braided-funding-for-partnerships"), 20)),
            List.of(Playbook.Step.of("/grant-resources", "Grant Toolkit Downloaded", "asset", "ccbhc-partnership-toolkit"),
                    Playbook.Step.of("/training", "Webinar Attended", "webinar", "braided-funding-for-partnerships"),
                    Playbook.Step.of("/partnerships", "Partnership Inquiry Submitted", "programInterest",
                            "school-based-services"),
                    Playbook.Step.of("/partnerships", "Meeting Requested", "topic", "county-partnership")),
            List.of(Playbook.Step.of("/programs/school-based-services", "Program Guide Downloaded",
                            "asset", "school-based-services-guide"),
                    Playbook.Step.of("/training", "Webinar Registered", "webinar", "braided-funding-for-partnerships"),
                    Playbook.Step.of("/impact", "Outcomes Report Downloaded", "asset", "2025-community-impact")),
            roles("executive", List.of("Executive Director", "CEO"),
                    "clinical_leader", List.of("Clinical Director", "Program Director"),
                    "grants_lead", List.of("Grants Manager", "Development Director")),
            new Playbook.Titles(
                    List.of("Executive Director", "CEO", "President & CEO", "Clinical Director", "Program Director",
                            "Chief Clinical Officer", "Director of Behavioral Health", "Grants Manager",
                            "Development Director", "Behavioral Health Administrator"),
                    List.of("Program Coordinator", "Case Manager", "Peer Support Specialist", "Outreach Coordinator",
                            "Therapist"),
                    List.of("MSW Practicum Student", "Graduate Student"),
                    List.of("Business Development Director", "Account Executive"),
                    List.of(),
                    List.of("Case Manager", "Peer Support Specialist")));
}
