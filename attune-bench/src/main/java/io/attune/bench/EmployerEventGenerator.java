package io.attune.bench;

import static io.attune.bench.EmployerVocabulary.SITE;

import io.attune.core.account.AccountTraits;
import io.attune.core.account.FreeMailDomains;
import io.attune.core.event.Attributes;
import io.attune.core.event.Event;
import io.attune.core.event.EventHeader;
import io.attune.core.event.Group;
import io.attune.core.event.Identify;
import io.attune.core.event.MessageId;
import io.attune.core.event.Page;
import io.attune.core.event.Track;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates one employer-segment lead at a time, as analytics.js would report it: visits of a
 * few page views and track events days apart, an identify (with title and work email) for most
 * leads, a group call with the employer's traits for some, and repeated identifies on later
 * logins. Context, page properties and track properties come from a bounded vocabulary and are
 * shared between events, the way a parser would produce equal values; headers are per event.
 */
final class EmployerEventGenerator {
    private static final long START = Instant.parse("2025-01-06T00:00:00Z").toEpochMilli();
    private static final long SPREAD = Duration.ofDays(100).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();

    private final Random random;
    private final double meanEvents;
    private final List<Company> companies = new ArrayList<>();
    private final Map<String, Attributes> shared = new HashMap<>();

    /** An employer: its group id, web domain and group traits. */
    private record Company(String groupId, String domain, Attributes traits) {
    }

    /** What an identified lead says about themselves. */
    private record Profile(Attributes traits, String emailDomain) {
    }

    /** The utm parameters of a visit that came from a campaign. */
    private record Campaign(String source, String medium, String name) {
        String key() {
            return source + '/' + medium + '/' + name;
        }
    }

    /** One lead's events in time order, its final traits, and the facts of its account (empty if none). */
    record GeneratedLead(List<Event> events, Attributes traits, Map<String, Object> accountFacts) {
    }

    EmployerEventGenerator(long seed, int companyCount, double meanEvents) {
        this.random = new Random(seed);
        this.meanEvents = meanEvents;
        for (int i = 0; i < companyCount; i++) {
            companies.add(company(i));
        }
    }

    GeneratedLead lead(int index) {
        Company company = companies.get(random.nextInt(companies.size()));
        String anonymousId = uuid();
        String userAgent = pick(EmployerVocabulary.USER_AGENTS);
        int count = eventCount();
        int identifyAt = count > 1 && random.nextDouble() < 0.6 ? 1 + random.nextInt(Math.max(1, count / 2)) : -1;
        Profile profile = identifyAt > 0 ? profile(index, company) : null;
        boolean groups = profile != null && identifyAt + 1 < count && profile.emailDomain().equals(company.domain())
                && random.nextDouble() < 0.5;
        String userId = null;
        String path = "/";
        long at = START + (long) (random.nextDouble() * SPREAD);
        List<Event> events = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            boolean visitStarts = k == 0 || random.nextDouble() < 1.0 / 3;
            if (k > 0) {
                at += visitStarts ? (long) (-Math.log(1 - random.nextDouble()) * 3 * DAY) : 15_000 + random.nextInt(165_000);
            }
            Campaign campaign = visitStarts && random.nextDouble() < 0.3 ? campaign() : null;
            if (k == identifyAt) {
                userId = "usr_" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
                events.add(new Identify(header(userId, anonymousId, at, context(userAgent, path, null)), profile.traits()));
            } else if (k == identifyAt + 1 && groups) {
                events.add(new Group(header(userId, anonymousId, at, context(userAgent, path, null)), company.groupId(),
                        company.traits()));
            } else if (visitStarts && userId != null && random.nextDouble() < 0.25) {
                events.add(new Identify(header(userId, anonymousId, at, context(userAgent, path, null)), profile.traits()));
            } else {
                String action = visitStarts ? EmployerVocabulary.LANDING.pick(random) : EmployerVocabulary.ACTIONS.pick(random);
                if (action.startsWith("/")) {
                    path = withSlug(action);
                    events.add(new Page(header(userId, anonymousId, at, context(userAgent, path, campaign)), "", "",
                            pageProperties(path, campaign)));
                } else {
                    events.add(new Track(header(userId, anonymousId, at, context(userAgent, path, campaign)), action,
                            trackProperties(action)));
                }
            }
        }
        Attributes traits = profile == null ? Attributes.EMPTY : profile.traits();
        return new GeneratedLead(events, traits, accountFacts(profile, groups ? company : null));
    }

    private static Map<String, Object> accountFacts(Profile profile, Company grouped) {
        if (grouped != null) {
            return AccountTraits.of(grouped.traits(), grouped.domain()).facts();
        }
        if (profile == null || FreeMailDomains.contains(profile.emailDomain())) {
            return Map.of();
        }
        return AccountTraits.of(Attributes.EMPTY, profile.emailDomain()).facts();
    }

    /** Geometric, at least one, with the configured mean; a few leads are very active. */
    private int eventCount() {
        int count = 1;
        while (random.nextDouble() >= 1 / meanEvents && count < 20 * meanEvents) {
            count++;
        }
        return count;
    }

    private Company company(int index) {
        String prefix = pick(EmployerVocabulary.COMPANY_PREFIXES);
        String suffix = pick(EmployerVocabulary.COMPANY_SUFFIXES);
        String domain = (prefix + suffix).toLowerCase(Locale.ROOT) + index + ".com";
        long employees = Math.round(Math.exp(Math.log(20) + random.nextDouble() * (Math.log(100_000) - Math.log(20))));
        double selfInsured = employees >= 1000 ? 0.85 : employees >= 250 ? 0.3 : 0.05;
        Map<String, Object> traits = new LinkedHashMap<>();
        traits.put("name", prefix + " " + suffix);
        traits.put("domain", domain);
        if (random.nextDouble() < 0.9) {
            traits.put("employees", employees);
        }
        traits.put("industry", EmployerVocabulary.INDUSTRIES.pick(random));
        traits.put("selfInsured", random.nextDouble() < selfInsured);
        traits.put("country", EmployerVocabulary.COUNTRIES.pick(random));
        return new Company("grp_" + index, domain, Attributes.of(traits));
    }

    private Profile profile(int index, Company company) {
        double kind = random.nextDouble();
        String title = EmployerVocabulary.TITLES.pick(random);
        String domain;
        String companyName = (String) company.traits().get("name");
        if (kind < 0.07) {
            title = pick(EmployerVocabulary.BROKER_TITLES);
            domain = pick(EmployerVocabulary.BROKER_DOMAINS);
            companyName = domain;
        } else if (kind < 0.075) {
            domain = "springhealth.com";
        } else if (kind < 0.08) {
            domain = "mailinator.com";
        } else if (kind < 0.22) {
            domain = pick(EmployerVocabulary.PERSONAL_DOMAINS);
        } else {
            domain = company.domain();
        }
        String first = pick(EmployerVocabulary.FIRST_NAMES);
        String last = pick(EmployerVocabulary.LAST_NAMES);
        Map<String, Object> traits = new LinkedHashMap<>();
        traits.put("email", first + "." + last + index + "@" + domain);
        traits.put("firstName", capitalised(first));
        traits.put("lastName", capitalised(last));
        traits.put("title", title);
        traits.put("company", companyName);
        return new Profile(Attributes.of(traits), domain);
    }

    private Campaign campaign() {
        String source = pick(EmployerVocabulary.CAMPAIGN_SOURCES);
        String medium = pick(EmployerVocabulary.CAMPAIGN_MEDIA);
        String name = pick(List.of("employer-q1", "roi-webinar", "benefits-guide"));
        return new Campaign(source, medium, name);
    }

    private EventHeader header(String userId, String anonymousId, long at, Attributes context) {
        Instant timestamp = Instant.ofEpochMilli(at);
        Instant receivedAt = timestamp.plusMillis(50 + random.nextInt(1_450));
        return new EventHeader(new MessageId(uuid()), userId, anonymousId, timestamp, receivedAt, context);
    }

    /** analytics.js context: library, locale, user agent, the page in view, and utm parameters on landing. */
    private Attributes context(String userAgent, String path, Campaign campaign) {
        String key = "context|" + userAgent + "|" + path + "|" + (campaign == null ? "" : campaign.key());
        Attributes page = pageProperties(path, campaign);
        return shared.computeIfAbsent(key, k -> {
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("library", Map.of("name", "analytics.js", "version", "next-1.70.0"));
            context.put("locale", "en-US");
            context.put("userAgent", userAgent);
            context.put("page", page.asMap());
            if (campaign != null) {
                context.put("campaign", Map.of("source", campaign.source(), "medium", campaign.medium(),
                        "name", campaign.name()));
            }
            return Attributes.of(context);
        });
    }

    private Attributes pageProperties(String path, Campaign campaign) {
        String key = "page|" + path + "|" + (campaign == null ? "" : campaign.key());
        return shared.computeIfAbsent(key, k -> {
            String search = campaign == null ? ""
                    : "?utm_source=" + campaign.source() + "&utm_medium=" + campaign.medium() + "&utm_campaign="
                            + campaign.name();
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("path", path);
            page.put("referrer", campaign == null ? SITE + "/" : "https://www." + campaign.source() + ".com/");
            page.put("search", search);
            page.put("title", titleOf(path));
            page.put("url", SITE + path + search);
            return Attributes.of(page);
        });
    }

    private Attributes trackProperties(String event) {
        Map<String, Object> properties = new LinkedHashMap<>();
        switch (event) {
            case "Email Link Clicked", "Email Opened" -> {
                properties.put("campaign", "newsletter-" + (1 + random.nextInt(6)));
                properties.put("link", "/blog/" + pick(EmployerVocabulary.SLUGS.get("/blog/")));
            }
            case "Video Played" -> properties.put("video", pick(List.of("product-tour", "customer-story", "clinician-intro")));
            case "Newsletter Subscribed", "Unsubscribed" -> properties.put("list", "hr-leaders");
            case "Webinar Registered", "Webinar Attended" -> {
                properties.put("webinarId", "w-" + (1 + random.nextInt(8)));
                properties.put("webinarType", random.nextDouble() < 0.4 ? "demo" : "educational");
            }
            case "Case Study Downloaded" -> {
                properties.put("caseStudy", pick(EmployerVocabulary.SLUGS.get("/case-studies/")));
                String audience = pick(List.of("employer", "employer", "hr", "broker", "consumer", ""));
                if (!audience.isEmpty()) {
                    properties.put("audience", audience);
                }
            }
            case "ROI Calculator Completed", "Demo Requested" -> {
                long employees = pick(List.of(500L, 1_000L, 2_500L, 5_000L, 10_000L, 25_000L));
                properties.put("employees", employees);
                properties.put("estimatedSavingsUsd", employees * 120);
            }
            case "Meeting Booked" -> properties.put("meetingType", pick(List.of("intro", "demo", "pricing")));
            case "Event Attended" -> properties.put("event", pick(List.of("SHRM Annual", "Benefits Forum", "HR Tech")));
            default -> properties.put("source", "website");
        }
        return shared.computeIfAbsent("track|" + event + "|" + properties, k -> Attributes.of(properties));
    }

    private String withSlug(String path) {
        if (!path.endsWith("*")) {
            return path;
        }
        String section = path.substring(0, path.length() - 1);
        return section + pick(EmployerVocabulary.SLUGS.get(section));
    }

    private static String titleOf(String path) {
        if (path.equals("/")) {
            return "Mental health benefits your people use | Attune Demo";
        }
        String first = path.substring(1).split("/", 2)[0].replace('-', ' ');
        return capitalised(first) + " | Attune Demo";
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
