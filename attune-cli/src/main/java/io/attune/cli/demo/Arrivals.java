package io.attune.cli.demo;

import io.attune.core.model.Segment;
import java.util.List;
import java.util.Map;

/**
 * How each channel of the lead source taxonomy looks on the wire for each segment: the referrer,
 * the UTM campaign and, for search, the query the person typed. Search queries are everyday care
 * and buying queries; none is about crisis, self-harm or substance use.
 */
final class Arrivals {
    /** Consumer queries and the page each lands on. */
    private static final List<String[]> CARE_QUERIES = List.of(
            new String[] {"anxiety therapist near me", "/conditions/anxiety"},
            new String[] {"signs of depression in adults", "/conditions/depression"},
            new String[] {"ptsd treatment options", "/conditions/ptsd"},
            new String[] {"ocd therapy online", "/conditions/ocd"},
            new String[] {"adult adhd evaluation", "/conditions/adhd"},
            new String[] {"postpartum depression help", "/conditions/postpartum-depression"},
            new String[] {"trouble sleeping and worrying", "/conditions/insomnia"},
            new String[] {"grief counseling near me", "/conditions/grief"},
            new String[] {"panic attack treatment", "/conditions/panic-disorder"},
            new String[] {"bipolar disorder therapist", "/conditions/bipolar-disorder"},
            new String[] {"work stress counseling", "/conditions/stress"},
            new String[] {"therapist that takes aetna", "/insurance"},
            new String[] {"how much does therapy cost", "/cost"},
            new String[] {"online therapy covered by insurance", "/how-it-works"},
            new String[] {"psychiatrist accepting new patients", "/find-a-therapist"});
    private static final List<String[]> EMPLOYER_QUERIES = List.of(
            new String[] {"employee mental health benefits", "/employers"},
            new String[] {"eap alternatives for employers", "/blog/eap-alternatives-for-self-insured-employers"},
            new String[] {"mental health benefits roi", "/blog/measuring-the-roi-of-mental-health-benefits"},
            new String[] {"workplace mental health program", "/solutions/employers"});
    private static final List<String[]> PAYER_QUERIES = List.of(
            new String[] {"behavioral health network adequacy", "/insights/network-adequacy-in-behavioral-health"},
            new String[] {"measurement based care outcomes", "/measurement-based-care"},
            new String[] {"value based behavioral health contracts", "/blog/value-based-contracting-lessons"});
    private static final List<String[]> REFERRAL_QUERIES = List.of(
            new String[] {"refer patient to therapist", "/refer"},
            new String[] {"behavioral health referral for primary care", "/for-providers"},
            new String[] {"collaborative care model primary care", "/blog/collaborative-care-in-primary-care"});
    private static final List<String[]> COMMUNITY_QUERIES = List.of(
            new String[] {"ccbhc partnership", "/ccbhc"},
            new String[] {"community mental health grant partners", "/grant-resources"},
            new String[] {"school based mental health programs", "/programs/school-based-services"});

    private Arrivals() {
    }

    /** The first session's arrival for a person of {@code segment} reached through {@code channel}. */
    static Arrival first(Segment segment, Channel channel, Dice dice) {
        return switch (channel) {
            case ORGANIC_SEARCH -> organic(queries(segment), dice);
            case PAID_SEARCH -> paidSearch(segment, dice);
            case PAID_SOCIAL -> campaign(dice.pick(List.of("/how-it-works", "/find-a-therapist", "/telehealth")),
                    "https://l.facebook.com/", "facebook", "paid-social", "teletherapy-awareness");
            case LINKEDIN -> campaign(landing(segment, dice), "https://www.linkedin.com/", "linkedin",
                    dice.chance(0.6) ? "paid-social" : "social", segment.wireName() + "-thought-leadership");
            case HR_PUBLICATION -> hrPublication(dice);
            case ASSOCIATION_PARTNER -> association(segment, dice);
            case EAP_MANAGED_CARE -> segment == Segment.CONSUMER ? carePartner(dice) : managedCareMedia(dice);
            case REFERRAL_NETWORK -> segment == Segment.CONSUMER ? clinicianReferral(dice) : clinicianNetwork(dice);
            case GRANTS_AND_CONTRACTS -> grants(dice);
            case EVENTS_AND_WEBINARS -> campaign(landing(segment, dice), "", eventSource(segment), "event",
                    segment.wireName() + "-webinar-series");
            case EMAIL -> email(segment, dice);
            case DIRECT -> Arrival.direct(segment == Segment.CONSUMER ? "/" : landing(segment, dice));
        };
    }

    /** A later session: mostly typed-in or bookmarked, some from a nurture email, some from a branded search. */
    static Arrival returning(Segment segment, String landingPath, Dice dice) {
        int roll = dice.between(1, 100);
        if (roll <= 60) {
            return Arrival.direct(landingPath);
        }
        if (roll <= 85) {
            return newsletter(segment, landingPath);
        }
        return new Arrival(landingPath, "https://www.google.com/", Map.of(), "");
    }

    /** A newsletter click, as the email service's tracked link lands it. */
    static Arrival email(Segment segment, Dice dice) {
        return newsletter(segment, landing(segment, dice));
    }

    static Arrival newsletter(Segment segment, String landingPath) {
        String name = segment == Segment.CONSUMER ? "monthly-wellness-newsletter" : segment.wireName() + "-nurture";
        return new Arrival(landingPath, "", Json.object("source", "newsletter", "medium", "email", "name", name),
                "?utm_source=newsletter&utm_medium=email&utm_campaign=" + name);
    }

    private static List<String[]> queries(Segment segment) {
        return switch (segment) {
            case CONSUMER -> CARE_QUERIES;
            case EMPLOYER -> EMPLOYER_QUERIES;
            case PAYER -> PAYER_QUERIES;
            case REFERRAL -> REFERRAL_QUERIES;
            case COMMUNITY -> COMMUNITY_QUERIES;
        };
    }

    /**
     * Organic search: the engine sends only its origin as the referrer; the query is what the
     * site's search-console join attributes to the landing, carried as the campaign term.
     */
    private static Arrival organic(List<String[]> queries, Dice dice) {
        String[] query = dice.pick(queries);
        String engine = dice.weighted(List.of(Dice.Weighted.of("google", 85), Dice.Weighted.of("bing", 10),
                Dice.Weighted.of("duckduckgo", 5)));
        return new Arrival(query[1], "https://www." + engine + ".com/",
                Json.object("source", engine, "medium", "organic", "term", query[0]), "");
    }

    private static Arrival paidSearch(Segment segment, Dice dice) {
        String[] query = dice.pick(queries(segment));
        String name = segment == Segment.CONSUMER ? "care-nonbrand" : segment.wireName() + "-nonbrand";
        return new Arrival(query[1], "https://www.google.com/",
                Json.object("source", "google", "medium", "cpc", "name", name, "term", query[0]),
                "?utm_source=google&utm_medium=cpc&utm_campaign=" + name + "&utm_term=" + query[0].replace(' ', '+'));
    }

    private static Arrival hrPublication(Dice dice) {
        String[] publication = dice.pick(List.of(
                new String[] {"shrm", "https://www.shrm.org/"}, new String[] {"hrdive", "https://www.hrdive.com/"},
                new String[] {"benefitspro", "https://www.benefitspro.com/"},
                new String[] {"employee-benefit-news", "https://www.benefitnews.com/"},
                new String[] {"hrexecutive", "https://hrexecutive.com/"}));
        String landing = dice.pick(List.of("/blog/measuring-the-roi-of-mental-health-benefits",
                "/resources/manager-mental-health-training-guide", "/employers", "/case-studies/regional-health-system"));
        return campaign(landing, publication[1], publication[0], dice.chance(0.5) ? "sponsored-content" : "newsletter",
                "employer-benefits-2025");
    }

    private static Arrival association(Segment segment, Dice dice) {
        String[] partner = segment == Segment.COMMUNITY
                ? dice.pick(List.of(new String[] {"nami", "https://www.nami.org/"},
                        new String[] {"mha", "https://mhanational.org/"},
                        new String[] {"national-council", "https://www.thenationalcouncil.org/"}))
                : dice.pick(List.of(new String[] {"nami", "https://www.nami.org/"},
                        new String[] {"mha", "https://mhanational.org/"}));
        String landing = segment == Segment.CONSUMER
                ? dice.pick(List.of("/find-a-therapist", "/conditions/depression", "/conditions/anxiety", "/how-it-works"))
                : landing(segment, dice);
        return campaign(landing, partner[1], partner[0], "partner", partner[0] + "-partner-directory");
    }

    /** A member sent by an EAP or a health plan: Optum, Cigna Evernorth and Magellan member sites. */
    private static Arrival carePartner(Dice dice) {
        String[] partner = dice.pick(List.of(
                new String[] {"eap", "https://www.liveandworkwell.com/", "optum-eap"},
                new String[] {"health_plan", "https://my.cigna.com/", "evernorth-member-directory"},
                new String[] {"eap", "https://www.magellanascend.com/", "magellan-eap"},
                new String[] {"health_plan", "https://www.myuhc.com/", "uhc-member-directory"}));
        return campaign(dice.pick(List.of("/insurance", "/find-a-therapist", "/book")), partner[1], partner[0],
                "referral", partner[2]);
    }

    /** Plan leaders read managed-care trade media and managed-care LinkedIn groups. */
    private static Arrival managedCareMedia(Dice dice) {
        String[] media = dice.pick(List.of(
                new String[] {"ahip", "https://www.ahip.org/"}, new String[] {"openminds", "https://openminds.com/"},
                new String[] {"fierce-healthcare", "https://www.fiercehealthcare.com/"},
                new String[] {"modern-healthcare", "https://www.modernhealthcare.com/"},
                new String[] {"managed-healthcare-executive", "https://www.managedhealthcareexecutive.com/"}));
        // Sponsored trade-media content mostly lands on an article, not on a solutions page.
        String landing = dice.weighted(List.of(
                Dice.Weighted.of("/insights/network-adequacy-in-behavioral-health", 40),
                Dice.Weighted.of("/insights/measurement-based-care-101", 25), Dice.Weighted.of("/payers", 20),
                Dice.Weighted.of("/outcomes", 15)));
        return campaign(landing, media[1], media[0], "sponsored-content", "payer-outcomes-2025");
    }

    /** A patient sent by their primary care practice or hospital, from the after-visit summary link. */
    private static Arrival clinicianReferral(Dice dice) {
        String source = dice.weighted(List.of(Dice.Weighted.of("pcp", 55), Dice.Weighted.of("hospital", 30),
                Dice.Weighted.of("provider_referral", 15)));
        return campaign(dice.pick(List.of("/book", "/find-a-therapist", "/locations", "/insurance")),
                source.equals("hospital") ? "https://mychart.valleyhealthsystem.org/" : "", source, "referral",
                "after-visit-summary");
    }

    /** Clinicians arrive from Doximity, their societies' newsletters, or the EHR. */
    private static Arrival clinicianNetwork(Dice dice) {
        String[] network = dice.pick(List.of(
                new String[] {"doximity", "https://www.doximity.com/"}, new String[] {"aafp", "https://www.aafp.org/"},
                new String[] {"aap", "https://www.aap.org/"}, new String[] {"acog", "https://www.acog.org/"},
                new String[] {"health-system", "https://epic.valleyhealthsystem.org/"}));
        return campaign(dice.pick(List.of("/for-providers", "/refer", "/providers", "/cme")), network[1], network[0],
                "referral", "referring-clinicians");
    }

    private static Arrival grants(Dice dice) {
        String[] source = dice.pick(List.of(
                new String[] {"samhsa", "https://www.samhsa.gov/"}, new String[] {"grants-gov", "https://www.grants.gov/"},
                new String[] {"state-association", "https://www.statebehavioralhealth.org/"}));
        return campaign(dice.pick(List.of("/grants", "/grant-resources", "/ccbhc", "/partnerships")), source[1], source[0],
                "referral", "grant-partners");
    }

    private static String eventSource(Segment segment) {
        return switch (segment) {
            case EMPLOYER -> "shrm-annual";
            case PAYER -> "ahip-conference";
            case REFERRAL -> "grand-rounds";
            case COMMUNITY -> "natcon";
            case CONSUMER -> "community-event";
        };
    }

    /** A segment's front door for channels that do not pick their own landing page. */
    private static String landing(Segment segment, Dice dice) {
        return switch (segment) {
            case CONSUMER -> dice.pick(List.of("/", "/blog/how-to-find-the-right-therapist", "/how-it-works"));
            case EMPLOYER -> dice.pick(List.of("/employers", "/for-employers", "/blog/mental-health-benefits-trends",
                    "/case-studies/national-retailer"));
            case PAYER -> dice.pick(List.of("/payers", "/health-plans", "/insights/measurement-based-care-101"));
            case REFERRAL -> dice.pick(List.of("/for-providers", "/refer", "/blog/collaborative-care-in-primary-care"));
            case COMMUNITY -> dice.pick(List.of("/partnerships", "/community-behavioral-health",
                    "/blog/building-community-partnerships"));
        };
    }

    /** A tagged link: the UTM parameters in the landing URL, and the campaign Segment reads from them. */
    private static Arrival campaign(String landing, String referrer, String source, String medium, String name) {
        String search = "?utm_source=" + source + "&utm_medium=" + medium + "&utm_campaign=" + name;
        return new Arrival(landing, referrer, Json.object("source", source, "medium", medium, "name", name), search);
    }
}
