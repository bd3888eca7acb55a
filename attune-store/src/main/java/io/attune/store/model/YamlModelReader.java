package io.attune.store.model;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.attune.core.model.InvalidModelException;
import io.attune.core.model.ModelDefinition;
import io.attune.core.model.ModelDefinition.AccountDefinition;
import io.attune.core.model.ModelDefinition.GradesDefinition;
import io.attune.core.model.ModelDefinition.LearnedDefinition;
import io.attune.core.model.RuleDefinition;
import io.attune.store.model.YamlNode.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a scoring model file (YAML) into a {@link ModelDefinition}, keeping the file line of every
 * top-level key, rule and condition so that the {@link io.attune.core.model.ModelCompiler} can
 * name them. This reader checks the file's structure (YAML syntax, known keys, value types); what
 * the values mean is the compiler's to check. The file format is described in docs/models.md.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class YamlModelReader {
    private static final List<String> MODEL_KEYS = List.of("id", "version", "segment", "description",
            "decayPerQuarter", "fitMin", "threshold", "grades", "fit", "engagement", "negative", "disqualify",
            "account", "learned");
    private static final List<String> LEARNED_KEYS = List.of("points", "intercept", "weights", "calibration",
            "trainedOn");
    private static final List<String> CALIBRATION_KEYS = List.of("slope", "offset");
    private static final List<String> GRADES_KEYS = List.of("fit", "engagement", "qualify");
    private static final List<String> ACCOUNT_KEYS = List.of("fitMin", "threshold", "coverageDays", "minRoles", "fit",
            "committee");
    private static final List<String> CAP_KEYS = List.of("count", "per");

    private final YAMLFactory factory = YAMLFactory.builder().build();

    /**
     * @param source how problems name the file, e.g. {@code employer.yaml}
     * @param text the file's contents
     * @throws InvalidModelException listing every structural problem, each with its file line
     */
    public ModelDefinition read(String source, String text) throws InvalidModelException {
        Problems problems = new Problems(source);
        YamlTree.Document document = YamlTree.parse(factory, text);
        document.problems().forEach(problem -> problems.add(problem.line(), null, problem.message()));
        Optional<YamlNode> root = document.root();
        if (root.isEmpty() && !problems.any()) {
            problems.add(1, null, "the model file is empty; it needs at least id, version, segment and threshold");
        }
        if (root.isPresent() && !(root.get() instanceof Mapping)) {
            problems.add(root.get().line(), null, "a model file is a mapping of keys such as id, version, segment "
                    + "and threshold, not " + root.get().describe());
        }
        problems.throwIfAny();
        ModelDefinition definition = model(source, (Mapping) root.orElseThrow(), problems);
        problems.throwIfAny();
        return definition;
    }

    private static ModelDefinition model(String source, Mapping root, Problems problems) {
        YamlSection model = new YamlSection(root, "the model", "", null, problems);
        model.allowOnly(MODEL_KEYS);
        GradesDefinition grades = model.section("grades", "grades", "{fit: …, engagement: …, qualify: […]}")
                .map(section -> grades(section, model.lineOf("grades"))).orElse(null);
        AccountDefinition account = model.section("account", "the account section", "{threshold: 120, fit: […]}")
                .map(section -> account(section, model.lineOf("account"))).orElse(null);
        LearnedDefinition learned = model.section("learned", "the learned section",
                        "{points: 40, intercept: -2.7, weights: {pricing-page: 0.03}}")
                .map(section -> learned(section, model.lineOf("learned"))).orElse(null);
        return new ModelDefinition(source, model.text("id"), model.wholeNumber("version"), model.text("segment"),
                model.text("description"), model.number("decayPerQuarter"), model.number("fitMin"),
                model.number("threshold"), grades, rules(model, "fit", RuleShape.FIT),
                rules(model, "engagement", RuleShape.ENGAGEMENT), rules(model, "negative", RuleShape.NEGATIVE),
                rules(model, "disqualify", RuleShape.DISQUALIFY), account, learned, model.keyLines());
    }

    private static GradesDefinition grades(YamlSection grades, int line) {
        grades.allowOnly(GRADES_KEYS);
        Optional<YamlSection> fit = grades.section("fit", "grades.fit", "{A: 40, B: 25, C: 10}");
        Optional<YamlSection> engagement = grades.section("engagement", "grades.engagement",
                "{\"1\": 60, \"2\": 35, \"3\": 15}");
        fit.ifPresent(section -> section.allowOnly(List.of("A", "B", "C")));
        engagement.ifPresent(section -> section.allowOnly(List.of("1", "2", "3")));
        return new GradesDefinition(line,
                fit.map(section -> section.number("A")).orElse(null),
                fit.map(section -> section.number("B")).orElse(null),
                fit.map(section -> section.number("C")).orElse(null),
                engagement.map(section -> section.number("1")).orElse(null),
                engagement.map(section -> section.number("2")).orElse(null),
                engagement.map(section -> section.number("3")).orElse(null),
                grades.texts("qualify"));
    }

    /** The learned section; the line of every key is kept by its path so the compiler can name each one. */
    private static LearnedDefinition learned(YamlSection learned, int line) {
        learned.allowOnly(LEARNED_KEYS);
        Map<String, Integer> lines = new LinkedHashMap<>(learned.keyLines());
        Map<String, Double> weights = new LinkedHashMap<>();
        learned.section("weights", "learned.weights", "{pricing-page: 0.031, vp-benefits: 0.044}").ifPresent(section ->
                section.keyLines().forEach((rule, at) -> {
                    weights.put(rule, section.number(rule));
                    lines.put("weights." + rule, at);
                }));
        Optional<YamlSection> calibration = learned.section("calibration", "learned.calibration",
                "{slope: 0.92, offset: -0.08}");
        calibration.ifPresent(section -> {
            section.allowOnly(CALIBRATION_KEYS);
            section.keyLines().forEach((key, at) -> lines.put("calibration." + key, at));
        });
        return new LearnedDefinition(line, learned.number("points"), learned.number("intercept"), weights,
                calibration.map(section -> section.number("slope")).orElse(null),
                calibration.map(section -> section.number("offset")).orElse(null),
                learned.text("trainedOn"), lines);
    }

    private static AccountDefinition account(YamlSection account, int line) {
        account.allowOnly(ACCOUNT_KEYS);
        return new AccountDefinition(line, account.number("fitMin"), account.number("threshold"),
                account.wholeNumber("coverageDays"), account.wholeNumber("minRoles"),
                rules(account, "fit", RuleShape.ACCOUNT_FIT),
                rules(account, "committee", RuleShape.COMMITTEE));
    }

    private static List<RuleDefinition> rules(YamlSection parent, String key, RuleShape shape) {
        List<RuleDefinition> rules = new ArrayList<>();
        for (Mapping item : parent.mappings(key, shape.itemName)) {
            rules.add(rule(item, shape, parent));
        }
        return rules;
    }

    private static RuleDefinition rule(Mapping item, RuleShape shape, YamlSection parent) {
        String nameKey = shape == RuleShape.COMMITTEE ? "role" : "id";
        // The rule's name is needed before its keys are checked, so that every problem can carry it.
        String name = item.entry(nameKey).map(YamlNode.Entry::value)
                .filter(YamlNode.Scalar.class::isInstance).map(value -> ((YamlNode.Scalar) value).text())
                .orElse(null);
        YamlSection rule = new YamlSection(item, shape.where, "", name, parent.problems());
        rule.allowOnly(shape.keys);
        int line = rule.lineOf(nameKey);
        String kind = rule.text("kind");
        List<String> names = names(rule);
        Integer capCount = null;
        String capPer = null;
        Optional<YamlSection> cap = rule.section("cap", "cap", "{count: 3, per: 7d}");
        if (cap.isPresent()) {
            cap.get().allowOnly(CAP_KEYS);
            capCount = cap.get().wholeNumber("count");
            capPer = cap.get().text("per");
        }
        if (kind == null && shape.kindOptional && (!names.isEmpty() || cap.isPresent())) {
            rule.problem(line, "name, names and cap only apply to rules on events; add a kind (track, page, "
                    + "screen, identify or group) or remove them");
        }
        String id = shape == RuleShape.COMMITTEE ? null : rule.text("id");
        String role = shape == RuleShape.COMMITTEE ? rule.text("role") : null;
        return new RuleDefinition(id, line, rule.text("description"), kind, names, rule.text("when"),
                rule.textLineOf("when"), rule.number("points"), capCount, capPer, rule.number("maxPoints"),
                rule.text("reason"), role);
    }

    /** A rule's event names from {@code names: [a, b]} or, for a single one, {@code name: a}. */
    private static List<String> names(YamlSection rule) {
        if (rule.has("name") && rule.has("names")) {
            rule.problem(rule.lineOf("name"), "use either name or names, not both");
            return List.of();
        }
        if (rule.has("name")) {
            String name = rule.text("name");
            return name == null || name.isBlank() ? List.of() : List.of(name);
        }
        List<String> names = rule.texts("names");
        return names == null ? List.of() : names;
    }

    /** The keys each list of rules accepts, and how messages name its items. */
    private enum RuleShape {
        FIT("a fit rule", false, "id", "description", "when", "points"),
        ENGAGEMENT("an engagement rule", false,
                "id", "description", "kind", "name", "names", "when", "points", "cap", "maxPoints"),
        NEGATIVE("a negative rule", true,
                "id", "description", "kind", "name", "names", "when", "points", "cap", "maxPoints"),
        DISQUALIFY("a disqualify rule", true, "id", "description", "kind", "name", "names", "when", "reason"),
        ACCOUNT_FIT("an account fit rule", false, "id", "description", "when", "points"),
        COMMITTEE("a committee role", false, "role", "description", "when", "points");

        final String where;
        final String itemName;
        /** Whether the rule is on attributes without a kind and on events with one. */
        final boolean kindOptional;
        final List<String> keys;

        RuleShape(String where, boolean kindOptional, String... keys) {
            this.where = where;
            this.itemName = where.substring(where.indexOf(' ') + 1);
            this.kindOptional = kindOptional;
            this.keys = List.of(keys);
        }
    }
}
