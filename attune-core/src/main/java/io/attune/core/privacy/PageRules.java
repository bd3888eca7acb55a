package io.attune.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Classifies pages by their URL (TRK-03). The workspace's own rules are tried first, in order; then
 * the defaults: authenticated areas (portal, app, account, login, telehealth), then health-intent
 * steps (booking, appointment, intake, assessment, screening, insurance check or verification,
 * find-a-therapist, admissions, consultation) — before the non-health sections (careers, jobs,
 * visiting hours, billing, about, press, legal), so that a booking page under {@code /about} is
 * still intent — then condition and treatment libraries as educational. A page no rule names is
 * {@link PageClass#HEALTH_EDUCATIONAL} when its path or query holds a health term (§14.4) and
 * {@link PageClass#NON_HEALTH} otherwise: an unknown page that mentions a condition is read as about
 * health, one that does not is not.
 */
public final class PageRules {
    private static final List<PageRule> DEFAULTS = buildDefaults();

    private final HealthTerms terms;
    private final List<PageRule> workspace;

    private PageRules(HealthTerms terms, List<PageRule> workspace) {
        this.terms = Objects.requireNonNull(terms, "terms");
        this.workspace = List.copyOf(workspace);
    }

    public static PageRules defaults(HealthTerms terms) {
        return new PageRules(terms, List.of());
    }

    /** These defaults with a workspace's rules, tried before them in the order given. */
    public PageRules withWorkspaceRules(List<PageRule> rules) {
        return new PageRules(terms, rules);
    }

    public List<PageRule> workspaceRules() {
        return workspace;
    }

    /** The default rules, in the order they are tried after the workspace's. */
    public static List<PageRule> defaultRules() {
        return DEFAULTS;
    }

    private static List<PageRule> buildDefaults() {
        List<PageRule> rules = new ArrayList<>();
        for (String host : List.of("portal.", "app.", "my.", "mychart.", "patient.", "patients.", "telehealth.")) {
            rules.add(PageRule.host(host, PageClass.AUTHENTICATED));
        }
        for (String path : List.of("/portal", "/patient-portal", "/app", "/account", "/accounts", "/my-account",
                "/login", "/log-in", "/signin", "/sign-in", "/logout", "/dashboard", "/mychart", "/telehealth",
                "/video-visit")) {
            rules.add(PageRule.prefix(path, PageClass.AUTHENTICATED));
        }
        for (String term : List.of("booking", "book appointment", "book an appointment", "book a session",
                "book a consultation", "book a visit", "book now", "book online", "appointment", "intake",
                "new patient", "assessment", "screening", "symptom checker", "insurance check", "check insurance",
                "check your insurance", "verify insurance", "verify your insurance", "insurance verification",
                "verification of benefits", "vob", "find a therapist", "find a provider", "find a doctor",
                "find a psychiatrist", "find a counselor", "find care", "find treatment", "admissions", "admission",
                "consultation", "request a call")) {
            rules.add(PageRule.term(term, PageClass.HEALTH_INTENT));
        }
        for (String path : List.of("/careers", "/jobs", "/visiting-hours", "/visitor-information", "/visitors",
                "/billing", "/pay-my-bill", "/pay-bill", "/about", "/about-us", "/press", "/newsroom", "/privacy",
                "/privacy-policy", "/terms", "/legal", "/accessibility")) {
            rules.add(PageRule.prefix(path, PageClass.NON_HEALTH));
        }
        for (String path : List.of("/conditions", "/condition", "/symptoms", "/treatments", "/disorders",
                "/medications")) {
            rules.add(PageRule.prefix(path, PageClass.HEALTH_EDUCATIONAL));
        }
        return List.copyOf(rules);
    }

    /** The class of the page at {@code url} (a full URL or a path; anything else is read as a path). */
    public PageClass classify(String url) {
        UrlParts parts = UrlParts.parse(url);
        List<String> words = parts.words();
        for (PageRule rule : workspace) {
            if (rule.matches(parts, words)) {
                return rule.pageClass();
            }
        }
        for (PageRule rule : DEFAULTS) {
            if (rule.matches(parts, words)) {
                return rule.pageClass();
            }
        }
        return terms.classifyWords(words).isHealth() ? PageClass.HEALTH_EDUCATIONAL : PageClass.NON_HEALTH;
    }
}
