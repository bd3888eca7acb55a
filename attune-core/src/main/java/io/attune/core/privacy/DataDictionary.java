package io.attune.core.privacy;

import io.attune.core.event.Attributes;
import io.attune.core.model.Segment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives every attribute and event property a {@link DataClass}. Names compare case- and
 * separator-insensitively ({@code first_name}, {@code firstName} and {@code First Name} are one
 * name; {@code $gclid} is {@code gclid}); a dotted name ({@code context.ip}) is looked up whole, then
 * by its last part.
 *
 * <p>A name the dictionary does not know is classified, in this order: by a substance-use or health
 * term in the name (§14.4); as contact when the name speaks of an email, phone, mobile or address;
 * as an identifier when it ends in {@code Id}/{@code _id}; as minor when it speaks of a birth; and
 * otherwise by the lead's segment — {@link DataClass#HEALTH} for a consumer (consumer leads are PHI,
 * and an unknown answer on a consumer form is most likely about their care), and
 * {@link DataClass#BUSINESS_CONTACT} for the B2B segments (their events are about an organisation's
 * buying, not anyone's health; the other checks above still catch the personal and health-named
 * ones, and the destination's allow-list still decides whether it leaves at all).
 *
 * <p>A health value that holds a substance-use term is substance use. A workspace adds or overrides
 * entries with {@link #with}; workspace entries win over defaults.
 */
public final class DataDictionary {
    private static final Map<String, DataClass> DEFAULTS = defaultEntries();
    private static final Set<String> DEFAULT_USER_IDS = Set.of("userid", "anonymousid", "leadid", "handofflead");
    private static final Set<String> PART2_FLAGS = Set.of("part2", "part2flag", "part2record", "ispart2");
    private static final Pattern ID_SUFFIX = Pattern.compile(".*(?:[a-z0-9]Id|ID|[_\\-. ][iI][dD])");
    private static final DataDictionary DEFAULT = new DataDictionary(HealthTerms.defaults(), DEFAULTS,
            DEFAULT_USER_IDS);

    private final HealthTerms terms;
    private final Map<String, DataClass> entries;
    private final Set<String> userIds;

    private DataDictionary(HealthTerms terms, Map<String, DataClass> entries, Set<String> userIds) {
        this.terms = Objects.requireNonNull(terms, "terms");
        this.entries = Map.copyOf(entries);
        this.userIds = Set.copyOf(userIds);
    }

    /** The default entries with the §14.4 health terms. */
    public static DataDictionary defaults() {
        return DEFAULT;
    }

    /** The default entries with a workspace's health terms. */
    public static DataDictionary defaults(HealthTerms terms) {
        return new DataDictionary(terms, DEFAULTS, DEFAULT_USER_IDS);
    }

    /** This dictionary with a workspace's entries, which win over the ones it has. */
    public DataDictionary with(Map<String, DataClass> overrides) {
        Map<String, DataClass> merged = new HashMap<>(entries);
        overrides.forEach((name, dataClass) -> merged.put(key(name), Objects.requireNonNull(dataClass, name)));
        return new DataDictionary(terms, merged, userIds);
    }

    /**
     * This dictionary with more user-id properties: identifiers that a destination without a BAA may
     * receive as a rotating pseudonym rather than not at all (TRK-05).
     */
    public DataDictionary withUserIds(Collection<String> names) {
        Map<String, DataClass> merged = new HashMap<>(entries);
        Set<String> ids = new HashSet<>(userIds);
        for (String name : names) {
            merged.put(key(name), DataClass.IDENTIFIER);
            ids.add(key(name));
        }
        return new DataDictionary(terms, merged, ids);
    }

    public HealthTerms terms() {
        return terms;
    }

    /** The class the dictionary has for this name, if it has one. */
    public Optional<DataClass> known(String name) {
        DataClass whole = entries.get(normalise(name));
        if (whole != null) {
            return Optional.of(whole);
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.get(normalise(name.substring(dot + 1))));
    }

    /** The class of a property by its name alone, for a lead of {@code segment}. */
    public DataClass classify(String name, Segment segment) {
        Objects.requireNonNull(segment, "segment");
        return known(name).orElseGet(() -> unknown(name, segment));
    }

    /** The class of a property given its value too: health that names a substance is substance use. */
    public DataClass classify(String name, Object value, Segment segment) {
        DataClass byName = classify(name, segment);
        if (byName == DataClass.HEALTH && mentions(name, value) == TermClass.SUBSTANCE_USE) {
            return DataClass.SUBSTANCE_USE;
        }
        return byName;
    }

    /** Whether a destination without a BAA may receive this identifier as a pseudonym (TRK-05). */
    public boolean isUserId(String name) {
        return userIds.contains(normalise(name));
    }

    /**
     * Whether a lead's traits reveal substance use: a set Part 2 flag ({@code part2}, {@code part2Flag})
     * for any lead, and for a consumer any substance-use property that is set. A B2B lead's properties
     * describe an organisation (a community centre that offers detox), not the person's own use.
     */
    public boolean revealsSubstanceUse(Attributes traits, Segment segment) {
        for (Map.Entry<String, Object> trait : traits.asMap().entrySet()) {
            if (!isSet(trait.getValue())) {
                continue;
            }
            if (PART2_FLAGS.contains(normalise(trait.getKey()))) {
                return true;
            }
            if (segment == Segment.CONSUMER
                    && classify(trait.getKey(), trait.getValue(), segment) == DataClass.SUBSTANCE_USE) {
                return true;
            }
        }
        return false;
    }

    /** The strongest class of health term in a name and every text within a value. */
    public TermClass mentions(String name, Object value) {
        TermClass found = terms.classify(name);
        for (String text : texts(value)) {
            found = found.and(terms.classify(text));
        }
        return found;
    }

    /** Every string within a JSON-shaped value (map keys too), depth first. */
    public static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        collect(value, texts);
        return texts;
    }

    /** Lower case, letters and digits only: the form names are compared in. */
    public static String normalise(String name) {
        StringBuilder normalised = new StringBuilder(name.length());
        name.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit)
                .forEach(normalised::appendCodePoint);
        return normalised.toString();
    }

    private DataClass unknown(String name, Segment segment) {
        TermClass named = terms.classify(name);
        if (named == TermClass.SUBSTANCE_USE) {
            return DataClass.SUBSTANCE_USE;
        }
        if (named == TermClass.HEALTH) {
            return DataClass.HEALTH;
        }
        String normalised = normalise(name);
        if (normalised.contains("email") || normalised.contains("phone") || normalised.contains("mobile")
                || normalised.contains("address")) {
            return DataClass.CONTACT;
        }
        if (ID_SUFFIX.matcher(name.strip()).matches()) {
            return DataClass.IDENTIFIER;
        }
        if (normalised.contains("birth")) {
            return DataClass.MINOR;
        }
        return segment == Segment.CONSUMER ? DataClass.HEALTH : DataClass.BUSINESS_CONTACT;
    }

    private static void collect(Object value, List<String> texts) {
        if (value instanceof String text) {
            texts.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                collect(k, texts);
                collect(v, texts);
            });
        } else if (value instanceof Collection<?> list) {
            list.forEach(element -> collect(element, texts));
        }
    }

    private static boolean isSet(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        if (value instanceof String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            return !t.isEmpty() && !t.equals("false") && !t.equals("no") && !t.equals("0");
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return !(value instanceof Collection<?> list) || !list.isEmpty();
    }

    private static String key(String name) {
        String key = normalise(Objects.requireNonNull(name, "name"));
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a dictionary entry names a property with at least one letter or digit");
        }
        return key;
    }

    private static Map<String, DataClass> defaultEntries() {
        Map<String, DataClass> entries = new HashMap<>();
        put(entries, DataClass.IDENTIFIER, "userId", "anonymousId", "leadId", "handoff.lead", "id", "deviceId",
                "advertisingId", "idfa", "idfv", "gaid", "aaid", "adId", "maid", "ip", "ipAddress", "cookieId",
                "clientId", "sessionId", "externalId", "crmId", "hubspotutk", "hutk", "_fbp", "_fbc", "_ga",
                "hashedEmail", "emailHash", "emailSha256", "sha256Email", "hashedPhone", "phoneHash", "userAgent",
                "ua", "fingerprint", "latitude", "longitude", "lat", "lng", "ssn", "socialSecurityNumber",
                "driversLicense", "messageId");
        put(entries, DataClass.CONTACT, "email", "emailAddress", "phone", "phoneNumber", "mobile", "mobilePhone",
                "cell", "fax", "name", "firstName", "lastName", "fullName", "middleName", "username", "address",
                "street", "streetAddress", "address1", "address2", "postalAddress", "avatar", "photo");
        put(entries, DataClass.MINOR, "age", "ageRange", "ageBand", "birthday", "birthdate", "dateOfBirth", "dob",
                "birthYear", "gradeLevel", "schoolGrade", "school", "parentName", "parentEmail", "parentPhone",
                "guardian", "guardianName", "guardianEmail", "isMinor", "minor");
        put(entries, DataClass.SENSITIVE, "religion", "faith", "religiousAffiliation", "denomination",
                "sexualOrientation", "orientation", "genderIdentity", "gender", "sex", "pronouns", "race",
                "ethnicity", "immigrationStatus", "citizenship", "citizenshipStatus", "politicalViews",
                "politicalAffiliation", "unionMembership", "transgender", "lgbtq");
        put(entries, DataClass.LOCATION, "city", "state", "region", "province", "zip", "zipCode", "postalCode",
                "postcode", "country", "countryCode", "county", "timezone", "tz", "dma", "metro", "jurisdiction",
                "jurisdictionState");
        put(entries, DataClass.BUSINESS_CONTACT, "title", "jobTitle", "role", "company", "companyName",
                "organization", "organisation", "employees", "employeeCount", "companySize", "industry", "website",
                "domain", "companyDomain", "department", "seniority", "revenue", "annualRevenue", "planLives", "lives",
                "linesOfBusiness", "specialty", "npi", "selfInsured", "account", "accountId", "handoff.account",
                "owner", "budget", "authority", "timeline");
        put(entries, DataClass.TECHNICAL, "library", "libraryName", "libraryVersion", "locale", "language", "os",
                "osName", "osVersion", "browser", "browserName", "browserVersion", "deviceType", "deviceModel",
                "deviceManufacturer", "screen", "screenWidth", "screenHeight", "network", "app", "appName",
                "appVersion", "build", "version", "timestamp", "sentAt", "receivedAt", "handoff.segment",
                "handoff.model", "conversionLabel", "currency", "value");
        put(entries, DataClass.PAGE, "url", "path", "pageUrl", "pagePath", "href", "canonicalUrl", "pageLocation",
                "pageTitle", "referrer", "referer", "referringUrl", "pageReferrer", "documentReferrer", "search",
                "searchTerm", "searchQuery", "query", "keyword", "keywords", "utm_source", "utm_medium",
                "utm_campaign", "utm_term", "utm_content", "hash", "fragment");
        put(entries, DataClass.CLICK_ID, "gclid", "gbraid", "wbraid", "dclid", "fbclid", "msclkid", "ttclid",
                "li_fat_id", "twclid", "sccid", "epik", "yclid");
        put(entries, DataClass.SCORE, "score", "leadScore", "fit", "engagement", "grade", "stage", "leadStage",
                "handoff.stage", "handoff.from", "handoff.cause", "handoff.actor", "handoff.score", "handoff.reasons",
                "reasons");
        put(entries, DataClass.HEALTH, "diagnosis", "diagnoses", "condition", "conditions", "symptom", "symptoms",
                "medication", "medications", "prescription", "treatment", "careNeeds", "reasonForVisit",
                "presentingProblem", "insurance", "insuranceProvider", "insuranceCarrier", "insurancePlan",
                "memberId", "policyNumber", "groupNumber", "mrn", "medicalRecordNumber", "patientId", "patient",
                "isPatient", "isFormerPatient", "previouslyInTherapy", "serviceLine", "levelOfCare", "provider",
                "therapist", "clinician", "appointment", "assessmentScore", "phq9", "gad7", "screeningScore",
                "intakeAnswers", "intake", "crisisFlag");
        put(entries, DataClass.SUBSTANCE_USE, "substanceUse", "substances", "drugOfChoice", "part2", "part2Flag",
                "part2Record", "isPart2", "sud", "alcoholUse", "drugUse", "sobrietyDate", "cleanDate",
                "sudTreatment", "detox", "mat", "moud");
        return Map.copyOf(entries);
    }

    private static void put(Map<String, DataClass> entries, DataClass dataClass, String... names) {
        for (String name : names) {
            DataClass before = entries.put(normalise(name), dataClass);
            if (before != null) {
                throw new IllegalStateException("the default dictionary names " + name + " twice");
            }
        }
    }
}
