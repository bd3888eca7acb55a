package io.attune.cli.demo;

import java.util.List;
import java.util.Map;

/**
 * The demo organisation's web site: one site with a door for each segment, as a multi-service
 * behavioral health organisation runs it. Titles never name a condition: page paths and search
 * terms are the only places a real site sends one, and the demo sends nothing more revealing.
 */
final class Site {
    static final String ORIGIN = "https://www.riverbendhealth.com";
    static final String NAME = "Riverbend Health";

    /** Title prefixes by path prefix, longest first, so that "/pricing/employers" finds "/pricing". */
    private static final List<Map.Entry<String, String>> TITLES = List.of(
            Map.entry("/conditions/", "Conditions we treat"),
            Map.entry("/case-studies/", "Case study"),
            Map.entry("/customers/", "Customer story"),
            Map.entry("/therapists", "Find a therapist"),
            Map.entry("/find-a-therapist", "Find a therapist"),
            Map.entry("/our-clinicians", "Our clinicians"),
            Map.entry("/insurance", "Insurance we accept"),
            Map.entry("/cost", "Cost of care"),
            Map.entry("/book", "Book an appointment"),
            Map.entry("/schedule", "Schedule a visit"),
            Map.entry("/how-it-works", "How it works"),
            Map.entry("/what-to-expect", "What to expect"),
            Map.entry("/faq", "Frequently asked questions"),
            Map.entry("/locations", "Locations"),
            Map.entry("/portal", "Patient portal"),
            Map.entry("/pay-my-bill", "Pay my bill"),
            Map.entry("/careers", "Careers"),
            Map.entry("/join-our-team", "Join our team"),
            Map.entry("/for-clinicians", "For clinicians"),
            Map.entry("/employers", "For employers"),
            Map.entry("/for-employers", "For employers"),
            Map.entry("/solutions/employers", "Employer solutions"),
            Map.entry("/pricing", "Pricing"),
            Map.entry("/outcomes", "Outcomes"),
            Map.entry("/research", "Research"),
            Map.entry("/security", "Security"),
            Map.entry("/hipaa", "HIPAA and privacy"),
            Map.entry("/implementation", "Implementation"),
            Map.entry("/integrations", "Integrations"),
            Map.entry("/eligibility", "Eligibility files"),
            Map.entry("/brokers", "For benefits brokers"),
            Map.entry("/login", "Sign in"),
            Map.entry("/support", "Support"),
            Map.entry("/payers", "For health plans"),
            Map.entry("/health-plans", "For health plans"),
            Map.entry("/network", "Our network"),
            Map.entry("/contracting", "Contracting"),
            Map.entry("/value-based-care", "Value-based care"),
            Map.entry("/partnerships/payers", "Payer partnerships"),
            Map.entry("/measurement-based-care", "Measurement-based care"),
            Map.entry("/quality", "Quality"),
            Map.entry("/access", "Access to care"),
            Map.entry("/availability", "Appointment availability"),
            Map.entry("/wait-times", "Wait times"),
            Map.entry("/credentialing", "Credentialing"),
            Map.entry("/provider-data", "Provider data"),
            Map.entry("/insights/", "Insights"),
            Map.entry("/referrals", "Referrals"),
            Map.entry("/refer", "Refer a patient"),
            Map.entry("/for-providers", "For referring providers"),
            Map.entry("/providers", "Provider directory"),
            Map.entry("/find-a-provider", "Find a provider"),
            Map.entry("/services", "Services"),
            Map.entry("/programs", "Programs"),
            Map.entry("/levels-of-care", "Levels of care"),
            Map.entry("/cme", "Continuing medical education"),
            Map.entry("/grand-rounds", "Grand rounds"),
            Map.entry("/ccbhc", "CCBHC partnerships"),
            Map.entry("/community-behavioral-health", "Community behavioral health"),
            Map.entry("/grants", "Grants"),
            Map.entry("/funding", "Funding"),
            Map.entry("/grant-resources", "Grant resources"),
            Map.entry("/partnerships", "Partnerships"),
            Map.entry("/partner", "Partner with us"),
            Map.entry("/community-partners", "Community partners"),
            Map.entry("/impact", "Our impact"),
            Map.entry("/annual-report", "Annual report"),
            Map.entry("/training", "Training"),
            Map.entry("/workforce", "Workforce development"),
            Map.entry("/donate", "Donate"),
            Map.entry("/give", "Give"),
            Map.entry("/blog/", "Journal"),
            Map.entry("/resources/", "Resources"),
            Map.entry("/webinars", "Webinars"),
            Map.entry("/about", "About us"),
            Map.entry("/contact", "Contact us"),
            Map.entry("/telehealth", "Telehealth"));

    private Site() {
    }

    static String url(String path, String search) {
        return ORIGIN + path + search;
    }

    static String title(String path) {
        if (path.equals("/")) {
            return NAME;
        }
        for (Map.Entry<String, String> entry : TITLES) {
            if (path.startsWith(entry.getKey())) {
                return entry.getValue() + " | " + NAME;
            }
        }
        return NAME;
    }
}
