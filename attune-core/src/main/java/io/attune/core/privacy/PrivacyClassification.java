package io.attune.core.privacy;

import io.attune.core.model.Segment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a workspace adds to the default classification (issue 4 item 1): health and substance-use
 * terms (its program and provider names), dictionary entries, user-id properties, page rules tried
 * before the defaults, and content groups.
 *
 * <p>A workspace may make classification stricter freely. What would make it weaker than the
 * defaults is a {@linkplain #weakenings weakening}, accepted only when its entry says
 * {@code acknowledgeWeakening} (and then recorded as a policy override):
 * <ul>
 * <li>a dictionary entry that changes a property's default class to anything but health, substance
 * use or sensitive (which protect more), or that moves a minor property anywhere, a sensitive one to
 * health or substance use, or a substance-use one to anything else. The defaults are read for a consumer, the strictest reading: a property they do
 * not know is health there, so declaring an unknown property technical is a weakening too;
 * <li>a page rule that classes pages {@code non_health} or {@code health_educational}: it is tried
 * before the defaults, so booking, intake or portal pages it matches would lose their protection.
 * </ul>
 * A user-id property (leaving as a rotating pseudonym, TRK-05) must be an identifier by default; a
 * property the defaults call anything else cannot be made one this way.
 */
public record PrivacyClassification(List<String> healthTerms, List<String> substanceUseTerms,
        List<DictionaryEntry> dictionary, List<String> userIds, List<WorkspacePageRule> pageRules,
        List<ContentGroupRule> contentGroups) {

    public static final PrivacyClassification NONE = new PrivacyClassification(List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of());
    public static final int MAX_TERMS = 500;
    public static final int MAX_TERM_LENGTH = 100;
    public static final int MAX_DICTIONARY = 1000;
    public static final int MAX_USER_IDS = 100;
    public static final int MAX_PROPERTY_LENGTH = 100;
    public static final int MAX_PAGE_RULES = 500;
    public static final int MAX_PATTERN_LENGTH = 200;
    public static final int MAX_CONTENT_GROUPS = 200;

    private static final Set<PageClass> OPEN_PAGE_CLASSES = EnumSet.of(PageClass.NON_HEALTH,
            PageClass.HEALTH_EDUCATIONAL);

    public PrivacyClassification {
        healthTerms = List.copyOf(healthTerms);
        substanceUseTerms = List.copyOf(substanceUseTerms);
        dictionary = List.copyOf(dictionary);
        userIds = List.copyOf(userIds);
        pageRules = List.copyOf(pageRules);
        contentGroups = List.copyOf(contentGroups);
    }

    /** The default terms with this workspace's. Only call on a classification without {@link #problems}. */
    public HealthTerms terms() {
        return HealthTerms.defaults().with(healthTerms, substanceUseTerms);
    }

    /** The default dictionary with this workspace's terms, entries and user ids. */
    public DataDictionary dataDictionary() {
        Map<String, DataClass> entries = new HashMap<>();
        dictionary.forEach(entry -> entries.put(entry.property(), entry.dataClass()));
        return DataDictionary.defaults(terms()).with(entries).withUserIds(userIds);
    }

    /** Everything classification needs, content groups hashed under {@code contentGroupKey}. */
    public PrivacyRules rules(KeyedHash contentGroupKey) {
        HealthTerms terms = terms();
        PageRules pages = PageRules.defaults(terms).withWorkspaceRules(
                pageRules.stream().map(WorkspacePageRule::rule).toList());
        return new PrivacyRules(terms, dataDictionary(), pages, new ContentGroups(contentGroupKey, pages, terms,
                contentGroups, ContentGroups.DEFAULT_CLICK_IDS));
    }

    /** Everything wrong with this classification, each naming its field; empty when it may be saved. */
    public List<ClassificationProblem> problems() {
        List<ClassificationProblem> problems = new ArrayList<>();
        boolean termsValid = checkTerms(problems);
        checkDictionary(problems);
        checkPageRules(problems);
        checkContentGroups(problems);
        checkUserIds(problems, termsValid);
        if (termsValid) {
            for (Found found : found()) {
                if (!found.acknowledged()) {
                    ClassificationWeakening weakening = found.weakening();
                    problems.add(new ClassificationProblem(weakening.field() + ".acknowledgeWeakening",
                            weakening.subject() + " is " + weakening.defaultClass() + " by default and "
                                    + weakening.configuredClass() + " here, which protects it less: set "
                                    + "acknowledgeWeakening to true to confirm (recorded in the audit log as a "
                                    + "policy override)" + pageRuleReason(weakening)));
                }
            }
        }
        return problems;
    }

    /**
     * Every entry and rule that protects less than the defaults, acknowledged or not; their field is
     * the entry's path, such as {@code dictionary[0]} or {@code pageRules[1]}.
     */
    public List<ClassificationWeakening> weakenings() {
        return found().stream().map(Found::weakening).toList();
    }

    /** A weakening, and whether its entry acknowledges it. */
    private record Found(ClassificationWeakening weakening, boolean acknowledged) {
    }

    private List<Found> found() {
        List<Found> found = new ArrayList<>();
        DataDictionary defaults = DataDictionary.defaults(terms());
        for (int i = 0; i < dictionary.size(); i++) {
            DictionaryEntry entry = dictionary.get(i);
            if (DataDictionary.normalise(entry.property()).isEmpty()) {
                continue;
            }
            DataClass byDefault = defaults.classify(entry.property(), Segment.CONSUMER);
            if (weakens(byDefault, entry.dataClass())) {
                found.add(new Found(new ClassificationWeakening("dictionary[" + i + "]", entry.property(),
                        byDefault.wireName(), entry.dataClass().wireName()), entry.acknowledgeWeakening()));
            }
        }
        PageRules defaultPages = PageRules.defaults(terms());
        for (int i = 0; i < pageRules.size(); i++) {
            WorkspacePageRule rule = pageRules.get(i);
            if (OPEN_PAGE_CLASSES.contains(rule.rule().pageClass())) {
                found.add(new Found(new ClassificationWeakening("pageRules[" + i + "]", rule.spec(),
                        defaultPages.classify(samplePage(rule.rule())).wireName(), rule.rule().pageClass().wireName()),
                        rule.acknowledgeWeakening()));
            }
        }
        return found;
    }

    /**
     * Whether {@code configured} protects less than {@code byDefault}. Health and substance use are
     * kept from advertising and analytics and removed where no BAA covers them, and sensitive
     * attributes are removed everywhere, so moving a property into them protects more — except out of
     * minor, which feeds the minors checks, out of sensitive into health or substance use (which a BAA
     * destination may receive), and out of substance use into anything else, which loses the Part 2 wall.
     */
    private static boolean weakens(DataClass byDefault, DataClass configured) {
        if (byDefault == configured) {
            return false;
        }
        if (byDefault == DataClass.MINOR) {
            return true;
        }
        return switch (configured) {
            case SUBSTANCE_USE -> byDefault == DataClass.SENSITIVE;
            case HEALTH -> byDefault == DataClass.SENSITIVE || byDefault == DataClass.SUBSTANCE_USE;
            case SENSITIVE -> byDefault == DataClass.SUBSTANCE_USE;
            default -> true;
        };
    }

    /** The page a rule's pattern names itself, to say what the defaults would make of it. */
    private static String samplePage(PageRule rule) {
        return switch (rule.match()) {
            case PATH_PREFIX -> rule.pattern();
            case TERM -> "/" + String.join("-", Tokens.of(rule.pattern()));
            case HOST_PREFIX -> "https://" + rule.pattern() + (rule.pattern().endsWith(".") ? "" : ".")
                    + "example.org/";
        };
    }

    private static String pageRuleReason(ClassificationWeakening weakening) {
        return weakening.field().startsWith("pageRules") ? "; a rule is tried before the defaults, so booking, "
                + "intake and portal pages it matches would lose their protection" : "";
    }

    private boolean checkTerms(List<ClassificationProblem> problems) {
        int before = problems.size();
        Map<List<String>, String> seen = new HashMap<>();
        checkTermList("healthTerms", healthTerms, seen, problems);
        checkTermList("substanceUseTerms", substanceUseTerms, seen, problems);
        return problems.size() == before;
    }

    private static void checkTermList(String field, List<String> terms, Map<List<String>, String> seen,
            List<ClassificationProblem> problems) {
        if (terms.size() > MAX_TERMS) {
            problems.add(new ClassificationProblem(field, "lists at most " + MAX_TERMS + " terms"));
            return;
        }
        for (int i = 0; i < terms.size(); i++) {
            String path = field + "[" + i + "]";
            String term = terms.get(i);
            List<String> words = Tokens.of(term);
            if (term.length() > MAX_TERM_LENGTH || words.isEmpty()) {
                problems.add(new ClassificationProblem(path, "must be 1-" + MAX_TERM_LENGTH
                        + " characters with at least one letter or digit"));
            } else {
                String first = seen.putIfAbsent(words, path);
                if (first != null) {
                    problems.add(new ClassificationProblem(path, "repeats " + first + " (terms compare as "
                            + "lower-case words)"));
                }
            }
        }
    }

    private void checkDictionary(List<ClassificationProblem> problems) {
        if (dictionary.size() > MAX_DICTIONARY) {
            problems.add(new ClassificationProblem("dictionary", "lists at most " + MAX_DICTIONARY + " entries"));
            return;
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < dictionary.size(); i++) {
            checkProperty("dictionary[" + i + "].property", dictionary.get(i).property(), seen, problems);
        }
    }

    /** Duplicates always; whether each is an identifier by default only once the terms it depends on are valid. */
    private void checkUserIds(List<ClassificationProblem> problems, boolean termsValid) {
        if (userIds.size() > MAX_USER_IDS) {
            problems.add(new ClassificationProblem("userIds", "lists at most " + MAX_USER_IDS + " properties"));
            return;
        }
        Map<String, String> seen = new HashMap<>();
        dictionary.forEach(entry -> seen.putIfAbsent(DataDictionary.normalise(entry.property()), "a dictionary entry"));
        List<Integer> readable = new ArrayList<>();
        for (int i = 0; i < userIds.size(); i++) {
            if (checkProperty("userIds[" + i + "]", userIds.get(i), seen, problems)) {
                readable.add(i);
            }
        }
        if (!termsValid) {
            return;
        }
        DataDictionary defaults = DataDictionary.defaults(terms());
        for (int i : readable) {
            DataClass byDefault = defaults.classify(userIds.get(i), Segment.CONSUMER);
            if (byDefault != DataClass.IDENTIFIER) {
                problems.add(new ClassificationProblem("userIds[" + i + "]", userIds.get(i) + " is "
                        + byDefault.wireName() + " by default; only an identifier (a known one, or a name ending in "
                        + "Id) may leave as a pseudonym"));
            }
        }
    }

    private static boolean checkProperty(String path, String name, Map<String, String> seen,
            List<ClassificationProblem> problems) {
        String key = DataDictionary.normalise(name.strip());
        if (name.strip().length() > MAX_PROPERTY_LENGTH || key.isEmpty()) {
            problems.add(new ClassificationProblem(path, "must be 1-" + MAX_PROPERTY_LENGTH
                    + " characters with at least one letter or digit"));
            return false;
        }
        String first = seen.putIfAbsent(key, path);
        if (first != null) {
            problems.add(new ClassificationProblem(path, "names the same property as " + first
                    + " (names compare without case or separators)"));
            return false;
        }
        return true;
    }

    private void checkPageRules(List<ClassificationProblem> problems) {
        if (pageRules.size() > MAX_PAGE_RULES) {
            problems.add(new ClassificationProblem("pageRules", "lists at most " + MAX_PAGE_RULES + " rules"));
            return;
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < pageRules.size(); i++) {
            String path = "pageRules[" + i + "].rule";
            String spec = pageRules.get(i).spec();
            if (spec.length() > MAX_PATTERN_LENGTH) {
                problems.add(new ClassificationProblem(path, "is at most " + MAX_PATTERN_LENGTH + " characters"));
            }
            String first = seen.putIfAbsent(spec, path);
            if (first != null) {
                problems.add(new ClassificationProblem(path, "repeats " + first));
            }
        }
    }

    private void checkContentGroups(List<ClassificationProblem> problems) {
        if (contentGroups.size() > MAX_CONTENT_GROUPS) {
            problems.add(new ClassificationProblem("contentGroups", "lists at most " + MAX_CONTENT_GROUPS
                    + " groups"));
            return;
        }
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < contentGroups.size(); i++) {
            ContentGroupRule group = contentGroups.get(i);
            if (group.pathPrefix().length() > MAX_PATTERN_LENGTH) {
                problems.add(new ClassificationProblem("contentGroups[" + i + "].pathPrefix", "is at most "
                        + MAX_PATTERN_LENGTH + " characters"));
            } else if (!seen.add(UrlParts.parse(group.pathPrefix()).segments())) {
                problems.add(new ClassificationProblem("contentGroups[" + i + "].pathPrefix",
                        "repeats an earlier group's path prefix"));
            }
        }
    }
}
