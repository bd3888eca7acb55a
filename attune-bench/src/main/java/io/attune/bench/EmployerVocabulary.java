package io.attune.bench;

import java.util.List;
import java.util.Map;

/**
 * What employer-segment visitors of a mental-health benefit vendor's site do, with rough
 * relative frequencies: mostly page views (blog, home, solutions, pricing, case studies), some
 * email and content actions, and a few strong buying signals. Paths ending in {@code *} take a
 * slug from {@link #SLUGS}; entries not starting with {@code /} are track event names.
 */
final class EmployerVocabulary {
    static final String SITE = "https://www.attune-demo.example";

    /** The first event of a visit. */
    static final Weighted<String> LANDING = Weighted.<String>builder()
            .add(25, "/").add(30, "/blog/*").add(7, "/resources/*").add(8, "/employers").add(5, "/pricing")
            .add(5, "/case-studies/*").add(5, "/webinars/*").add(4, "/careers").add(6, "/login")
            .add(3, "/for-individuals").add(2, "/brokers")
            .build();

    /** Every later event of a visit: about three page views to one track event. */
    static final Weighted<String> ACTIONS = Weighted.<String>builder()
            // page views
            .add(8, "/").add(18, "/blog/*").add(5, "/resources/*").add(4, "/employers")
            .add(2, "/solutions/employers").add(1, "/for-employers/*").add(4, "/pricing").add(1, "/pricing/enterprise")
            .add(3, "/case-studies/*").add(1, "/customers/*").add(1.5, "/outcomes").add(1, "/research/*")
            .add(1, "/security").add(0.5, "/trust").add(0.5, "/hipaa").add(0.7, "/implementation")
            .add(0.8, "/integrations/*").add(1, "/brokers").add(0.5, "/partners/brokers").add(2, "/careers")
            .add(1, "/jobs/*").add(1.5, "/login").add(0.5, "/support").add(2, "/about").add(1, "/contact")
            .add(1, "/team").add(2, "/for-individuals").add(1, "/conditions/*").add(2, "/webinars/*")
            .add(1, "/roi-calculator")
            // track events
            .add(5, "Email Link Clicked").add(4, "Email Opened").add(2, "Video Played")
            .add(0.7, "Newsletter Subscribed").add(1.5, "Webinar Registered").add(1, "Webinar Attended")
            .add(1.5, "Case Study Downloaded").add(0.7, "Outcomes Report Downloaded")
            .add(0.6, "ROI Calculator Completed").add(0.5, "Resource Downloaded").add(0.5, "Contact Form Submitted")
            .add(0.3, "Demo Requested").add(0.2, "Meeting Booked").add(0.3, "Event Attended")
            .add(0.2, "Unsubscribed").add(0.05, "Job Application Submitted").add(0.03, "Intake Started")
            .build();

    static final Map<String, List<String>> SLUGS = Map.of(
            "/blog/", List.of("eap-utilization", "mental-health-roi", "benefits-trends-2025", "manager-training",
                    "burnout-signals", "open-enrollment-comms", "therapy-access", "measurement-based-care",
                    "self-insured-101", "parental-mental-health", "substance-use-at-work", "psychological-safety",
                    "benefit-fatigue", "claims-data", "frontline-workers", "return-to-office"),
            "/resources/", List.of("benefits-leader-guide", "rfp-template", "roi-whitepaper", "benchmark-report",
                    "broker-toolkit", "manager-guide"),
            "/case-studies/", List.of("regional-health-system", "fintech-5000", "state-university",
                    "manufacturer-12000", "retail-chain", "tech-unicorn"),
            "/customers/", List.of("northwind", "contoso", "fabrikam"),
            "/for-employers/", List.of("benefits-leaders", "hr-teams", "cfo"),
            "/research/", List.of("anxiety-outcomes", "depression-remission", "cost-study"),
            "/integrations/", List.of("workday", "adp", "bamboohr", "rippling"),
            "/jobs/", List.of("senior-clinician", "account-executive", "data-engineer"),
            "/conditions/", List.of("anxiety", "depression", "insomnia"),
            "/webinars/", List.of("live-demo", "roi-of-mental-health", "manager-training", "broker-briefing"));

    static final List<String> CAMPAIGN_SOURCES = List.of("linkedin", "google", "shrm", "benefitspro", "newsletter",
            "hrdive", "bing", "plansponsor", "facebook", "partner");
    static final List<String> CAMPAIGN_MEDIA = List.of("social", "cpc", "email", "referral");
    static final List<String> USER_AGENTS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Edg/124.0");

    static final Weighted<String> TITLES = Weighted.<String>builder()
            .add(6, "Director of Benefits").add(3, "VP, Total Rewards").add(2, "Head of Benefits & Wellbeing")
            .add(6, "Benefits Manager").add(3, "Senior Benefits Analyst").add(2, "Total Rewards Specialist")
            .add(2, "Chief People Officer").add(1, "CHRO").add(2, "VP of People").add(5, "HR Director")
            .add(6, "HR Manager").add(4, "HR Business Partner").add(3, "People Operations Manager")
            .add(2, "Wellbeing Program Lead").add(1, "CFO").add(1, "Controller").add(3, "Talent Acquisition Partner")
            .add(3, "Office Manager").add(4, "Software Engineer").add(3, "Marketing Manager")
            .add(2, "Account Executive").add(1, "Graduate Student").add(3, "Operations Manager")
            .add(2, "Executive Assistant").add(2, "Recruiter")
            .build();
    static final List<String> BROKER_TITLES = List.of("Employee Benefits Consultant", "Senior Benefits Broker",
            "Health & Welfare Consultant", "Account Manager, Employee Benefits");
    static final List<String> BROKER_DOMAINS = List.of("mercer.com", "wtwco.com", "aon.com", "ajg.com",
            "lockton.com", "nfp.com", "usi.com", "onedigital.com", "regionalbenefits.com");
    static final List<String> PERSONAL_DOMAINS = List.of("gmail.com", "gmail.com", "gmail.com", "yahoo.com",
            "outlook.com", "hotmail.com", "icloud.com");
    static final List<String> FIRST_NAMES = List.of("maria", "james", "aisha", "wei", "olivia", "carlos", "priya",
            "daniel", "fatima", "noah", "grace", "mateo", "hannah", "kofi", "sofia", "liam");
    static final List<String> LAST_NAMES = List.of("garcia", "smith", "khan", "chen", "johnson", "rossi", "patel",
            "okafor", "nguyen", "muller", "cohen", "silva", "brown", "kim", "haddad", "novak");

    static final List<String> COMPANY_PREFIXES = List.of("North", "Blue", "Summit", "Cedar", "Harbor", "Pioneer",
            "Granite", "Bright", "Silver", "Evergreen", "Atlas", "Union", "Keystone", "River", "Prairie", "Coastal");
    static final List<String> COMPANY_SUFFIXES = List.of("Logistics", "Health", "Financial", "Software", "Foods",
            "Manufacturing", "Labs", "Bank", "Insurance", "University", "Retail", "Energy", "Partners", "Systems");
    static final Weighted<String> INDUSTRIES = Weighted.<String>builder()
            .add(5, "Technology").add(3, "Software").add(3, "Financial Services").add(2, "Banking")
            .add(2, "Insurance").add(3, "Professional Services").add(4, "Hospital & Health Care")
            .add(2, "Higher Education").add(4, "Retail").add(4, "Manufacturing").add(2, "Construction")
            .add(2, "Hospitality").add(2, "Logistics").add(1, "Government Administration")
            .build();
    static final Weighted<String> COUNTRIES = Weighted.<String>builder()
            .add(80, "US").add(5, "United States").add(6, "CA").add(5, "GB").add(4, "DE")
            .build();

    private EmployerVocabulary() {
    }
}
