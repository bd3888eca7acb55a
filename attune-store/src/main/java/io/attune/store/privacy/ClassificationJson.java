package io.attune.store.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.privacy.ClassificationProblem;
import io.attune.core.privacy.ClassificationWeakening;
import io.attune.core.privacy.ContentGroupRule;
import io.attune.core.privacy.DataClass;
import io.attune.core.privacy.DictionaryEntry;
import io.attune.core.privacy.PageClass;
import io.attune.core.privacy.PageRule;
import io.attune.core.privacy.PrivacyClassification;
import io.attune.core.privacy.WorkspacePageRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A workspace's classification as JSON, the same for the API and the database:
 * <pre>{@code
 * {"healthTerms": ["Lakeside Bridge"], "substanceUseTerms": ["New Dawn"],
 *  "dictionary": [{"property": "programInterest", "dataClass": "substance_use"},
 *                 {"property": "planTier", "dataClass": "technical", "acknowledgeWeakening": true}],
 *  "userIds": ["crmContactId"],
 *  "pageRules": [{"rule": "prefix:/open-house", "pageClass": "health_intent"}],
 *  "contentGroups": [{"pathPrefix": "/locations", "group": "locations"}]}
 * }</pre>
 * A key left out is empty. Written back, it also carries the read-only {@code weakenings}, which a
 * document sent in may repeat and which is then ignored. An unknown key, a wrong type, an unknown
 * class or a malformed rule is a problem naming its field, and so is everything
 * {@link PrivacyClassification#problems} finds; every problem is reported at once.
 */
public final class ClassificationJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)\\](.*)");
    private static final String WEAKENINGS = "weakenings";
    private static final Set<String> TOP = Set.of("healthTerms", "substanceUseTerms", "dictionary", "userIds",
            "pageRules", "contentGroups", WEAKENINGS);
    private static final Set<String> ENTRY = Set.of("property", "dataClass", "acknowledgeWeakening");
    private static final Set<String> PAGE_RULE = Set.of("rule", "pageClass", "acknowledgeWeakening");
    private static final Set<String> GROUP = Set.of("pathPrefix", "group");
    /** Parsing stops reading a list this much longer than it may be, so an oversized one costs little. */
    private static final int READ_LIMIT = 10_000;

    private ClassificationJson() {
    }

    /** Thrown with every problem of a classification document. */
    public static final class InvalidClassificationException extends IllegalArgumentException {
        private final List<ClassificationProblem> problems;

        InvalidClassificationException(List<ClassificationProblem> problems) {
            super("invalid classification: " + problems.stream().map(ClassificationProblem::field).toList());
            this.problems = List.copyOf(problems);
        }

        public List<ClassificationProblem> problems() {
            return problems;
        }
    }

    public static ObjectNode toJson(PrivacyClassification classification) {
        ObjectNode root = MAPPER.createObjectNode();
        strings(root.putArray("healthTerms"), classification.healthTerms());
        strings(root.putArray("substanceUseTerms"), classification.substanceUseTerms());
        ArrayNode dictionary = root.putArray("dictionary");
        for (DictionaryEntry entry : classification.dictionary()) {
            dictionary.addObject().put("property", entry.property()).put("dataClass", entry.dataClass().wireName())
                    .put("acknowledgeWeakening", entry.acknowledgeWeakening());
        }
        strings(root.putArray("userIds"), classification.userIds());
        ArrayNode pages = root.putArray("pageRules");
        for (WorkspacePageRule rule : classification.pageRules()) {
            pages.addObject().put("rule", rule.spec()).put("pageClass", rule.rule().pageClass().wireName())
                    .put("acknowledgeWeakening", rule.acknowledgeWeakening());
        }
        ArrayNode groups = root.putArray("contentGroups");
        for (ContentGroupRule group : classification.contentGroups()) {
            groups.addObject().put("pathPrefix", group.pathPrefix()).put("group", group.group());
        }
        ArrayNode weakenings = root.putArray(WEAKENINGS);
        for (ClassificationWeakening weakening : classification.weakenings()) {
            weakenings.addObject().put("field", weakening.field()).put("subject", weakening.subject())
                    .put("defaultClass", weakening.defaultClass())
                    .put("configuredClass", weakening.configuredClass());
        }
        return root;
    }

    public static String encode(PrivacyClassification classification) {
        return toJson(classification).toString();
    }

    public static PrivacyClassification decode(String json) {
        try {
            // Read as stored, without judging it again: a classification saved under earlier defaults
            // still applies as it was saved rather than failing every send.
            return parse(MAPPER.readTree(json)).classification();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored classification is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @throws InvalidClassificationException naming every field that is wrong
     */
    public static PrivacyClassification fromJson(JsonNode root) {
        Parsed parsed = parse(root);
        List<ClassificationProblem> problems = new ArrayList<>(parsed.problems());
        // The meaning is judged on the elements whose form was right, so that every problem is named at once;
        // their positions are mapped back to where they stand in the document.
        for (ClassificationProblem problem : parsed.classification().problems()) {
            problems.add(new ClassificationProblem(parsed.documentPath(problem.field()), problem.reason()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidClassificationException(problems);
        }
        return parsed.classification();
    }

    /**
     * A document read element by element: the classification of the elements that could be read, the
     * problems of those that could not, and for each list where each element read stands in the document.
     */
    private record Parsed(PrivacyClassification classification, List<ClassificationProblem> problems,
            Map<String, List<Integer>> positions) {

        String documentPath(String field) {
            Matcher indexed = INDEXED.matcher(field);
            if (!indexed.matches()) {
                return field;
            }
            List<Integer> read = positions.get(indexed.group(1));
            return indexed.group(1) + "[" + read.get(Integer.parseInt(indexed.group(2))) + "]" + indexed.group(3);
        }
    }

    private static Parsed parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidClassificationException(List.of(new ClassificationProblem("body",
                    "a classification is a JSON object")));
        }
        List<ClassificationProblem> problems = new ArrayList<>();
        Map<String, List<Integer>> positions = new HashMap<>();
        unknownKeys(root, TOP, "", problems);
        List<String> healthTerms = list(root, "healthTerms", problems, positions, ClassificationJson::text);
        List<String> substanceUseTerms = list(root, "substanceUseTerms", problems, positions, ClassificationJson::text);
        List<DictionaryEntry> dictionary = list(root, "dictionary", problems, positions, ClassificationJson::entry);
        List<String> userIds = list(root, "userIds", problems, positions, ClassificationJson::text);
        List<WorkspacePageRule> pageRules = list(root, "pageRules", problems, positions, ClassificationJson::pageRule);
        List<ContentGroupRule> groups = list(root, "contentGroups", problems, positions,
                ClassificationJson::contentGroup);
        return new Parsed(new PrivacyClassification(healthTerms, substanceUseTerms, dictionary, userIds, pageRules,
                groups), problems, positions);
    }

    /** One element read from {@code node} at {@code path}, or the problems that stop it. */
    private interface Reader<T> {
        Optional<T> read(JsonNode node, String path, List<ClassificationProblem> problems);
    }

    private static <T> List<T> list(JsonNode root, String field, List<ClassificationProblem> problems,
            Map<String, List<Integer>> positions, Reader<T> reader) {
        JsonNode value = root.path(field);
        List<T> items = new ArrayList<>();
        List<Integer> read = new ArrayList<>();
        positions.put(field, read);
        if (value.isMissingNode() || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            problems.add(new ClassificationProblem(field, "must be a list"));
            return items;
        }
        if (value.size() > READ_LIMIT) {
            problems.add(new ClassificationProblem(field, "is far too long"));
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            Optional<T> item = reader.read(value.get(i), field + "[" + i + "]", problems);
            if (item.isPresent()) {
                items.add(item.get());
                read.add(i);
            }
        }
        return items;
    }

    private static Optional<String> text(JsonNode node, String path, List<ClassificationProblem> problems) {
        if (!node.isTextual()) {
            problems.add(new ClassificationProblem(path, "must be a string"));
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    private static Optional<DictionaryEntry> entry(JsonNode node, String path, List<ClassificationProblem> problems) {
        if (!object(node, path, ENTRY, problems)) {
            return Optional.empty();
        }
        Optional<String> property = required(node, "property", path, problems);
        Optional<DataClass> dataClass = named(node, "dataClass", path, DataClass::fromWireName,
                Arrays.stream(DataClass.values()).map(DataClass::wireName).toList(), problems);
        Optional<Boolean> acknowledged = flag(node, path, problems);
        if (property.isEmpty() || dataClass.isEmpty() || acknowledged.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DictionaryEntry(property.get(), dataClass.get(), acknowledged.get()));
    }

    private static Optional<WorkspacePageRule> pageRule(JsonNode node, String path,
            List<ClassificationProblem> problems) {
        if (!object(node, path, PAGE_RULE, problems)) {
            return Optional.empty();
        }
        Optional<String> spec = required(node, "rule", path, problems);
        Optional<PageClass> pageClass = named(node, "pageClass", path, PageClass::fromWireName,
                Arrays.stream(PageClass.values()).map(PageClass::wireName).toList(), problems);
        Optional<Boolean> acknowledged = flag(node, path, problems);
        if (spec.isEmpty() || pageClass.isEmpty() || acknowledged.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WorkspacePageRule(PageRule.parse(spec.get(), pageClass.get()),
                    acknowledged.get()));
        } catch (IllegalArgumentException e) {
            problems.add(new ClassificationProblem(path + ".rule", e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<ContentGroupRule> contentGroup(JsonNode node, String path,
            List<ClassificationProblem> problems) {
        if (!object(node, path, GROUP, problems)) {
            return Optional.empty();
        }
        Optional<String> prefix = required(node, "pathPrefix", path, problems);
        Optional<String> group = required(node, "group", path, problems);
        if (prefix.isPresent() && !prefix.get().strip().startsWith("/")) {
            problems.add(new ClassificationProblem(path + ".pathPrefix", "starts with '/', e.g. /locations"));
            return Optional.empty();
        }
        if (group.isPresent() && (group.get().isBlank() || group.get().length() > 100)) {
            problems.add(new ClassificationProblem(path + ".group", "is 1-100 characters"));
            return Optional.empty();
        }
        return prefix.isEmpty() || group.isEmpty() ? Optional.empty()
                : Optional.of(new ContentGroupRule(prefix.get(), group.get()));
    }

    private static boolean object(JsonNode node, String path, Set<String> keys, List<ClassificationProblem> problems) {
        if (!node.isObject()) {
            problems.add(new ClassificationProblem(path, "must be an object with " + new TreeSet<>(keys)));
            return false;
        }
        unknownKeys(node, keys, path + ".", problems);
        return true;
    }

    private static Optional<String> required(JsonNode node, String name, String path,
            List<ClassificationProblem> problems) {
        JsonNode value = node.path(name);
        if (!value.isTextual()) {
            problems.add(new ClassificationProblem(path + "." + name, "is required, as a string"));
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    private static <T> Optional<T> named(JsonNode node, String name, String path, Function<String, Optional<T>> parse,
            List<String> allowed, List<ClassificationProblem> problems) {
        JsonNode value = node.path(name);
        Optional<T> found = value.isTextual() ? parse.apply(value.asText()) : Optional.empty();
        if (found.isEmpty()) {
            problems.add(new ClassificationProblem(path + "." + name, "must be one of "
                    + allowed.stream().collect(Collectors.joining(", "))));
        }
        return found;
    }

    private static Optional<Boolean> flag(JsonNode node, String path, List<ClassificationProblem> problems) {
        JsonNode value = node.path("acknowledgeWeakening");
        if (value.isMissingNode() || value.isNull()) {
            return Optional.of(false);
        }
        if (!value.isBoolean()) {
            problems.add(new ClassificationProblem(path + ".acknowledgeWeakening", "must be true or false"));
            return Optional.empty();
        }
        return Optional.of(value.asBoolean());
    }

    private static void unknownKeys(JsonNode node, Set<String> keys, String prefix,
            List<ClassificationProblem> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                problems.add(new ClassificationProblem(prefix + name, "is not part of a classification; the keys "
                        + "here are " + new TreeSet<>(keys)));
            }
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
