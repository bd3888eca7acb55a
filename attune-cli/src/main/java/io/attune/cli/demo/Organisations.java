package io.attune.cli.demo;

import io.attune.core.model.Segment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organisations of the demo, by segment. Names are invented; the only real domains are the
 * competitors the starter models name, because a competitor is only recognisable by its domain.
 */
final class Organisations {
    static final List<String> LICENSED_STATES = List.of("CA", "NY", "TX", "FL", "IL", "PA", "NJ", "MA", "WA", "CO");
    static final List<String> OTHER_STATES = List.of("AZ", "OH", "GA", "NC", "MI", "OR", "VA", "TN", "MN", "MO");

    private static final List<String> PLACES = List.of(
            "Harborview", "Northwind", "Cedar Ridge", "Bluewater", "Summit Peak", "Ironwood", "Lakeshore", "Meridian",
            "Silverline", "Redwood Valley", "Prairie Wind", "Beacon Hill", "Keystone Ridge", "Evergreen Coast",
            "Highland Park", "Crescent Bay", "Pinnacle Point", "Riverstone", "Oakmont", "Juniper", "Copperleaf",
            "Foxglove", "Stonebridge", "Windward", "Brightwater", "Tall Pine", "Sagebrush", "Maplewood", "Alder Creek",
            "Willow Bend", "Granite Falls", "Sable Creek", "Blue Mesa", "Three Rivers", "Laurel Valley", "Red Rock",
            "Stillwater", "Greenfield", "Silver Lake", "Elk River");

    /** Employer kinds: a name ending and the industry the employer model reads. */
    private static final List<String[]> EMPLOYER_KINDS = List.of(
            new String[] {"Software", "Software"}, new String[] {"Financial Group", "Financial services"},
            new String[] {"Bank", "Banking"}, new String[] {"Health System", "Hospital & health care"},
            new String[] {"University", "Higher education"}, new String[] {"Logistics", "Transportation & logistics"},
            new String[] {"Manufacturing", "Manufacturing"}, new String[] {"Foods", "Food & beverage"},
            new String[] {"Outfitters", "Retail"}, new String[] {"Energy", "Utilities"},
            new String[] {"Consulting", "Professional services"}, new String[] {"Hospitality", "Hospitality"},
            new String[] {"Mutual Insurance", "Insurance"}, new String[] {"Builders", "Construction"});

    private Organisations() {
    }

    static List<Organisation> employers(Dice dice, int count) {
        List<Organisation> employers = new ArrayList<>(count);
        List<String> names = names(dice, count, EMPLOYER_KINDS.stream().map(kind -> kind[0]).toList());
        for (String name : names) {
            String industry = EMPLOYER_KINDS.stream().filter(kind -> name.endsWith(" " + kind[0])).findFirst()
                    .orElseThrow()[1];
            int employees = dice.weighted(List.of(
                    Dice.Weighted.of(dice.between(20, 49), 8), Dice.Weighted.of(dice.between(50, 249), 17),
                    Dice.Weighted.of(dice.between(250, 999), 30), Dice.Weighted.of(dice.between(1_000, 4_999), 30),
                    Dice.Weighted.of(dice.between(5_000, 60_000), 15)));
            double selfInsuredShare = employees >= 5_000 ? 0.9 : employees >= 1_000 ? 0.7 : employees >= 250 ? 0.35 : 0.05;
            boolean selfInsured = dice.chance(selfInsuredShare);
            String domain = Names.slug(name) + ".com";
            employers.add(new Organisation("org_" + Names.slug(name), name, domain, Segment.EMPLOYER, "employer",
                    Json.object("name", name, "website", "https://www." + domain, "industry", industry,
                            "employees", employees, "selfInsured", selfInsured,
                            "country", dice.chance(0.95) ? "US" : "CA", "segment", "employer"),
                    false, employees >= 1_000 && selfInsured));
        }
        return employers;
    }

    /** Benefits brokerages: their brokers advise several employers and are employer-segment leads. */
    static List<Organisation> brokerages(Dice dice) {
        List<Organisation> brokerages = new ArrayList<>();
        for (String name : List.of("Lakeshore Benefits Partners", "Summit Benefit Advisors", "Ironwood Insurance Brokers",
                "Harbor Employee Benefits", "Keystone Benefits Group", "Windward Risk & Benefits")) {
            String domain = Names.slug(name) + ".com";
            brokerages.add(new Organisation("org_" + Names.slug(name), name, domain, Segment.EMPLOYER, "brokerage",
                    Json.object("name", name, "website", "https://www." + domain, "industry", "Insurance brokerage",
                            "employees", dice.between(40, 900), "country", "US", "segment", "employer"),
                    false, false));
        }
        return brokerages;
    }

    /** Plans and networks: a name ending, the account type, and the lines of business such plans carry. */
    private static final List<Object[]> PAYER_KINDS = List.of(
            new Object[] {"Health Plan", "health_plan", List.of("commercial", "medicaid")},
            new Object[] {"Community Care", "mco", List.of("medicaid")},
            new Object[] {"Health Partners", "mco", List.of("medicaid", "medicare_advantage")},
            new Object[] {"Senior Advantage", "health_plan", List.of("medicare_advantage")},
            new Object[] {"Care Alliance", "aco", List.of("commercial", "medicare_advantage")},
            new Object[] {"Employee Assistance", "eap", List.of("commercial")},
            new Object[] {"Benefits Administrators", "tpa", List.of("commercial")});

    static List<Organisation> payers(Dice dice, int count) {
        List<Organisation> payers = new ArrayList<>(count);
        for (String name : names(dice, count, PAYER_KINDS.stream().map(kind -> (String) kind[0]).toList())) {
            Object[] kind = PAYER_KINDS.stream().filter(k -> name.endsWith(" " + k[0])).findFirst().orElseThrow();
            String type = (String) kind[1];
            @SuppressWarnings("unchecked")
            List<String> lines = (List<String>) kind[2];
            int lives = dice.weighted(List.of(Dice.Weighted.of(dice.between(30, 99), 30),
                    Dice.Weighted.of(dice.between(100, 249), 25), Dice.Weighted.of(dice.between(250, 999), 30),
                    Dice.Weighted.of(dice.between(1_000, 3_000), 15))) * 1_000;
            List<String> states = new ArrayList<>();
            for (int i = dice.between(1, 3); i > 0; i--) {
                String state = dice.chance(0.7) ? dice.pick(LICENSED_STATES) : dice.pick(OTHER_STATES);
                if (!states.contains(state)) {
                    states.add(state);
                }
            }
            String domain = Names.slug(name) + ".com";
            boolean strong = lives >= 250_000 && List.of("health_plan", "mco", "eap").contains(type);
            payers.add(new Organisation("org_" + Names.slug(name), name, domain, Segment.PAYER, type,
                    Json.object("name", name, "website", "https://www." + domain, "type", type, "planLives", lives,
                            "linesOfBusiness", lines, "states", states, "segment", "payer"),
                    false, strong));
        }
        return payers;
    }

    /** Practices and hospitals that refer patients: a name ending, account type and specialty. */
    private static final List<String[]> PRACTICE_KINDS = List.of(
            new String[] {"Family Medicine", "primary_care_practice", "Family Medicine"},
            new String[] {"Internal Medicine Associates", "primary_care_practice", "Internal Medicine"},
            new String[] {"Pediatrics", "pediatric_practice", "Pediatrics"},
            new String[] {"Women's Health", "ob_gyn_practice", "OB/GYN"},
            new String[] {"Medical Center", "hospital", "Hospital Medicine"},
            new String[] {"Health System", "health_system", "Hospital Medicine"},
            new String[] {"Community Health Center", "fqhc", "Family Medicine"},
            new String[] {"Urgent Care", "urgent_care", "Emergency Medicine"},
            new String[] {"Cardiology Group", "specialty_practice", "Cardiology"},
            new String[] {"Orthopedics", "specialty_practice", "Orthopedic Surgery"});

    static List<Organisation> practices(Dice dice, int count) {
        List<Organisation> practices = new ArrayList<>(count);
        for (String name : names(dice, count, PRACTICE_KINDS.stream().map(kind -> kind[0]).toList())) {
            String[] kind = PRACTICE_KINDS.stream().filter(k -> name.endsWith(" " + k[0])).findFirst().orElseThrow();
            boolean large = kind[1].equals("hospital") || kind[1].equals("health_system");
            int miles = dice.weighted(List.of(Dice.Weighted.of(dice.between(1, 25), 45),
                    Dice.Weighted.of(dice.between(26, 50), 30), Dice.Weighted.of(dice.between(51, 120), 25)));
            int providers = large ? dice.between(60, 900) : dice.between(2, 24);
            int referrals = large ? dice.between(20, 140) : dice.between(2, 35);
            String state = dice.chance(0.85) ? dice.pick(LICENSED_STATES) : dice.pick(OTHER_STATES);
            String domain = Names.slug(name) + (large ? ".org" : ".com");
            boolean strong = miles <= 25 && !kind[1].equals("specialty_practice");
            practices.add(new Organisation("org_" + Names.slug(name), name, domain, Segment.REFERRAL, kind[1],
                    Json.object("name", name, "website", "https://www." + domain, "type", kind[1],
                            "specialty", kind[2], "nearestClinicMiles", miles,
                            "monthlyBehavioralHealthReferrals", referrals, "providers", providers, "state", state,
                            "segment", "referral"),
                    !large && dice.chance(0.35), strong));
        }
        return practices;
    }

    private static final List<String[]> COMMUNITY_KINDS = List.of(
            new String[] {"Community Mental Health Center", "cmhc"},
            new String[] {"Community Behavioral Health", "ccbhc"},
            new String[] {"County Behavioral Health", "county_behavioral_health"},
            new String[] {"Family Services", "community_nonprofit"},
            new String[] {"Youth & Family Alliance", "community_nonprofit"},
            new String[] {"Community Clinic", "fqhc"});
    private static final List<String> GRANTS = List.of("SAMHSA CCBHC Expansion", "Mental Health Block Grant",
            "HRSA Behavioral Health Workforce", "State Community Mental Health Grant", "Project AWARE");

    static List<Organisation> communityOrganisations(Dice dice, int count) {
        List<Organisation> organisations = new ArrayList<>(count);
        for (String name : names(dice, count, COMMUNITY_KINDS.stream().map(kind -> kind[0]).toList())) {
            String type = COMMUNITY_KINDS.stream().filter(k -> name.endsWith(" " + k[0])).findFirst().orElseThrow()[1];
            boolean core = List.of("cmhc", "ccbhc", "county_behavioral_health").contains(type);
            boolean contracts = dice.chance(core ? 0.8 : 0.35);
            List<String> grants = new ArrayList<>();
            for (String grant : GRANTS) {
                if (dice.chance(core ? 0.35 : 0.15)) {
                    grants.add(grant);
                }
            }
            String state = dice.chance(0.8) ? dice.pick(LICENSED_STATES) : dice.pick(OTHER_STATES);
            boolean county = type.equals("county_behavioral_health");
            String domain = Names.slug(name) + (county ? ".gov" : ".org");
            organisations.add(new Organisation("org_" + Names.slug(name), name, domain, Segment.COMMUNITY, type,
                    Json.object("name", name, "website", "https://www." + domain, "type", type,
                            "stateContracts", contracts, "grants", grants, "state", state,
                            "catchmentPopulation", dice.between(15, 1_500) * 1_000,
                            "taxStatus", county ? "government" : "501c3", "segment", "community"),
                    !county && dice.chance(0.3), core && contracts));
        }
        return organisations;
    }

    /** Competitors named in the starter models' disqualifiers; only the domain identifies them. */
    static List<Organisation> competitors(Segment segment) {
        List<String[]> named = segment == Segment.PAYER
                ? List.of(new String[] {"Headway", "headway.co"}, new String[] {"Alma", "helloalma.com"},
                        new String[] {"Rula", "rula.com"}, new String[] {"Grow Therapy", "growtherapy.com"})
                : List.of(new String[] {"Lyra Health", "lyrahealth.com"}, new String[] {"Spring Health", "springhealth.com"},
                        new String[] {"Modern Health", "modernhealth.com"}, new String[] {"Headspace", "headspace.com"});
        List<Organisation> competitors = new ArrayList<>();
        for (String[] competitor : named) {
            competitors.add(new Organisation("org_" + Names.slug(competitor[0]), competitor[0], competitor[1], segment,
                    "competitor", Map.of(), false, false));
        }
        return competitors;
    }

    /** Companies whose sellers read our pages to prospect us, or call on the same practices. */
    static List<Organisation> vendors(Segment segment) {
        List<String> names = segment == Segment.REFERRAL
                ? List.of("Verdant Therapeutics", "Northbay Pharma", "Clearpath Medical Devices")
                : List.of("Brightlane Software", "Quotient Data Labs", "Helix Benefits Tech");
        List<Organisation> vendors = new ArrayList<>();
        for (String name : names) {
            String domain = Names.slug(name) + ".com";
            vendors.add(new Organisation("org_" + Names.slug(name), name, domain, segment, "vendor",
                    Json.object("name", name, "website", "https://www." + domain, "employees", 180,
                            "industry", segment == Segment.REFERRAL ? "Pharmaceuticals" : "Software",
                            "segment", segment.wireName()),
                    false, false));
        }
        return vendors;
    }

    static List<Organisation> universities(Segment segment) {
        List<Organisation> universities = new ArrayList<>();
        for (String name : List.of("Northfield State University", "Lakeshore University", "Riverside College")) {
            String domain = Names.slug(name.replace(" University", "").replace(" College", "")) + ".edu";
            universities.add(new Organisation("org_" + Names.slug(name), name, domain, segment, "university",
                    Map.of(), false, false));
        }
        return universities;
    }

    /** Distinct "place kind" names, as many as asked for. */
    private static List<String> names(Dice dice, int count, List<String> kinds) {
        List<String> names = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        while (names.size() < count) {
            String name = dice.pick(PLACES) + " " + dice.pick(kinds);
            if (seen.add(name)) {
                names.add(name);
            }
            if (seen.size() >= PLACES.size() * kinds.size()) {
                break;
            }
        }
        return names;
    }
}
