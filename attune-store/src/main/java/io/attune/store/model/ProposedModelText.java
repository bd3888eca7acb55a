package io.attune.store.model;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.attune.store.model.YamlNode.Mapping;
import io.attune.store.model.YamlNode.Sequence;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a proposed model version as an edit of its base model's YAML, so that the author's comments,
 * conditions and layout survive and a diff shows only what the proposal changed: a comment header
 * saying how it was produced, the new version number, the new points of each rule (a note on the
 * rules left to a person), and optionally a {@code learned:} section.
 */
public final class ProposedModelText {
    private static final Pattern VERSION = Pattern.compile("^(\\s*version\\s*:\\s*)(\\d+)");
    private static final Pattern POINTS = Pattern.compile("(\\bpoints\\s*:\\s*)([-+]?[0-9][0-9.eE+-]*)");
    private static final List<String> RULE_LISTS = List.of("fit", "engagement", "negative");
    private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "true", "false", "on", "off",
            "null");

    private final YAMLFactory factory = YAMLFactory.builder().build();

    /** What the proposal does to one rule: its new points, or its points kept with a note for a person. */
    public record RuleEdit(long points, Optional<String> note) {
    }

    /** The {@code learned:} section's values; weights per rule id, in the order to write them. */
    public record LearnedSection(long points, double intercept, Map<String, Double> weights, double slope,
            double offset, String trainedOn) {
    }

    /**
     * @param base the base model's YAML, which must read as a model
     * @param edits by rule id; rules without an edit are left as they are
     * @throws IllegalArgumentException when the base does not parse or lacks a version line
     */
    public String write(String base, int version, List<String> header, Map<String, RuleEdit> edits,
            Optional<LearnedSection> learned) {
        YamlTree.Document document = YamlTree.parse(factory, base);
        if (document.root().isEmpty() || !(document.root().get() instanceof Mapping root)) {
            throw new IllegalArgumentException("the base model's YAML does not parse");
        }
        String[] lines = base.split("\\R", -1);
        int versionLine = root.entry("version").map(YamlNode.Entry::line)
                .orElseThrow(() -> new IllegalArgumentException("the base model has no version")) - 1;
        lines[versionLine] = VERSION.matcher(lines[versionLine]).replaceFirst("$1" + version);
        for (String list : RULE_LISTS) {
            root.entry(list).map(YamlNode.Entry::value).filter(Sequence.class::isInstance).map(Sequence.class::cast)
                    .ifPresent(rules -> rules.items().forEach(rule -> edit(rule, edits, lines)));
        }
        StringBuilder text = new StringBuilder();
        header.forEach(line -> text.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
        text.append(String.join("\n", lines));
        learned.ifPresent(section -> {
            if (text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            text.append(yaml(section));
        });
        return text.toString();
    }

    private static void edit(YamlNode rule, Map<String, RuleEdit> edits, String[] lines) {
        if (!(rule instanceof Mapping mapping)) {
            return;
        }
        Optional<String> id = mapping.entry("id").map(YamlNode.Entry::value).filter(YamlNode.Scalar.class::isInstance)
                .map(value -> ((YamlNode.Scalar) value).text());
        Optional<YamlNode.Entry> points = mapping.entry("points");
        if (id.isEmpty() || points.isEmpty() || !edits.containsKey(id.get())) {
            return;
        }
        RuleEdit edit = edits.get(id.get());
        int at = points.get().line() - 1;
        Matcher matcher = POINTS.matcher(lines[at]);
        if (!matcher.find()) {
            return;
        }
        String was = matcher.group(2);
        String line = lines[at].substring(0, matcher.start(2)) + edit.points() + lines[at].substring(matcher.end(2));
        if (edit.note().isPresent()) {
            line += "  # proposal leaves this to a person: " + edit.note().get();
        } else if (!was.equals(Long.toString(edit.points()))) {
            line += "  # proposed; was " + was;
        }
        lines[at] = line;
    }

    /** The section in the agreed format; numbers to six significant digits. */
    public static String yaml(LearnedSection section) {
        StringBuilder text = new StringBuilder("learned:\n");
        text.append("  points: ").append(section.points()).append('\n');
        text.append("  intercept: ").append(number(section.intercept())).append('\n');
        text.append("  weights:\n");
        section.weights().forEach((rule, weight) -> text.append("    ").append(key(rule)).append(": ")
                .append(number(weight)).append('\n'));
        text.append("  calibration:\n");
        text.append("    slope: ").append(number(section.slope())).append('\n');
        text.append("    offset: ").append(number(section.offset())).append('\n');
        text.append("  trainedOn: \"").append(section.trainedOn().replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n");
        return text.toString();
    }

    private static String key(String rule) {
        return YAML_WORDS.contains(rule) ? "\"" + rule + "\"" : rule;
    }

    private static String number(double value) {
        if (value == 0) {
            return "0";
        }
        String plain = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
