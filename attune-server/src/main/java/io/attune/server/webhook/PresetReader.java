package io.attune.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import io.attune.server.webhook.InvalidPresetException.Problem;
import io.attune.server.webhook.PresetRule.Band;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one preset file's YAML tree, collecting every problem instead of stopping at the first, so
 * that an operator fixes a file in one go.
 */
final class PresetReader {
    private static final List<String> TOP_KEYS = List.of("preset", "description", "properties");
    private static final List<String> RULE_KEYS = List.of("value", "from", "map", "bands", "default");
    private static final List<String> BAND_KEYS = List.of("atLeast", "value");
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,127}");
    private static final String RULE_SHAPE = "a property is a mapping: {value: <constant>} or {from: <source>} "
            + "with map, bands or default";

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    PresetReader(String file) {
        this.file = file;
    }

    /** @throws InvalidPresetException listing every problem found */
    Preset preset(JsonNode root) {
        onlyKeys(root, TOP_KEYS, "");
        String name = text(root, "preset").orElse("");
        if (root.has("preset") && !name.isEmpty() && !PresetFiles.PRESET_NAME.matcher(name).matches()) {
            problem("preset", "a preset name is 1-64 lower-case letters, digits or '-', starting with a letter");
        }
        String description = text(root, "description").orElse("");
        List<PresetProperty> properties = new ArrayList<>();
        JsonNode entries = root.get("properties");
        if (entries == null || !entries.isObject() || entries.isEmpty()) {
            problem("properties", "a preset needs properties: a mapping of CRM property names to rules");
        } else {
            for (Map.Entry<String, JsonNode> entry : entries.properties()) {
                String key = "properties." + entry.getKey();
                if (!PROPERTY_NAME.matcher(entry.getKey()).matches()) {
                    problem(key, "a CRM property name is a letter or '_', then up to 127 letters, digits, "
                            + "'_' or '-'");
                    continue;
                }
                rule(key, entry.getValue())
                        .ifPresent(rule -> properties.add(new PresetProperty(entry.getKey(), rule)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPresetException(file, problems);
        }
        return new Preset(name, description, properties);
    }

    private Optional<PresetRule> rule(String key, JsonNode node) {
        if (!node.isObject()) {
            problem(key, RULE_SHAPE);
            return Optional.empty();
        }
        int before = problems.size();
        onlyKeys(node, RULE_KEYS, key + ".");
        if (node.has("value")) {
            for (String other : List.of("from", "map", "bands", "default")) {
                if (node.has(other)) {
                    problem(key + "." + other, "a constant (value) takes no " + other);
                }
            }
            Optional<ValueNode> value = scalar(key + ".value", node.get("value"));
            return problems.size() == before ? value.map(PresetRule.Constant::new) : Optional.empty();
        }
        if (!node.has("from")) {
            problem(key, "give value (a constant) or from (a source such as stage or fields.title)");
            return Optional.empty();
        }
        List<PresetSource> from = sources(key + ".from", node.get("from"));
        Optional<ValueNode> fallback = node.has("default") ? scalar(key + ".default", node.get("default"))
                : Optional.empty();
        PresetRule rule;
        if (node.has("map") && node.has("bands")) {
            problem(key, "give map or bands, not both");
            return Optional.empty();
        } else if (node.has("map")) {
            Map<String, ValueNode> table = table(key + ".map", node.get("map"), from);
            rule = from.isEmpty() ? null : new PresetRule.Lookup(from, table, fallback);
        } else if (node.has("bands")) {
            rule = bands(key, node, from).orElse(null);
        } else {
            rule = from.isEmpty() ? null : new PresetRule.Copy(from, fallback);
        }
        return problems.size() == before ? Optional.ofNullable(rule) : Optional.empty();
    }

    private List<PresetSource> sources(String key, JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        if (items.isEmpty()) {
            problem(key, "from names a source, or a list of sources tried in order");
        }
        List<PresetSource> sources = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemKey = node.isArray() ? key + "[" + i + "]" : key;
            JsonNode item = items.get(i);
            if (!item.isTextual()) {
                problem(itemKey, "a source is text, such as stage, score.total or fields.title");
                continue;
            }
            try {
                sources.add(new PresetSource(item.asText()));
            } catch (IllegalArgumentException e) {
                problem(itemKey, e.getMessage());
            }
        }
        return sources;
    }

    private Map<String, ValueNode> table(String key, JsonNode node, List<PresetSource> from) {
        Map<String, ValueNode> table = new LinkedHashMap<>();
        if (!node.isObject() || node.isEmpty()) {
            problem(key, "map is a mapping of source values to CRM values, such as {mql: marketingqualifiedlead}");
            return table;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String entryKey = key + "." + entry.getKey();
            for (PresetSource source : from) {
                Optional<Set<String>> known = source.values();
                if (known.isPresent() && !known.get().contains(entry.getKey())) {
                    problem(entryKey, "'" + entry.getKey() + "' is not a value of " + source + "; it takes "
                            + String.join(", ", known.get()));
                }
            }
            scalar(entryKey, entry.getValue()).ifPresent(value -> table.put(entry.getKey(), value));
        }
        return table;
    }

    private Optional<PresetRule> bands(String key, JsonNode node, List<PresetSource> from) {
        if (node.has("default")) {
            problem(key + ".default", "bands take no default; end them with a band without atLeast");
        }
        if (from.size() != 1 || !from.get(0).numeric()) {
            problem(key + ".from", "bands need one number source: score.fit, score.engagement or score.total");
        }
        JsonNode list = node.get("bands");
        if (!list.isArray() || list.isEmpty()) {
            problem(key + ".bands", "bands is a list such as [{atLeast: 85, value: Hot}, {value: Cold}]");
            return Optional.empty();
        }
        List<Band> bands = new ArrayList<>();
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < list.size(); i++) {
            String bandKey = key + ".bands[" + i + "]";
            JsonNode band = list.get(i);
            if (!band.isObject()) {
                problem(bandKey, "a band is a mapping {atLeast: <number>, value: <CRM value>}");
                continue;
            }
            onlyKeys(band, BAND_KEYS, bandKey + ".");
            Optional<ValueNode> value = band.has("value") ? scalar(bandKey + ".value", band.get("value"))
                    : Optional.empty();
            if (!band.has("value")) {
                problem(bandKey, "a band needs a value");
            }
            OptionalDouble atLeast = OptionalDouble.empty();
            if (band.has("atLeast")) {
                JsonNode threshold = band.get("atLeast");
                if (!threshold.isNumber()) {
                    problem(bandKey + ".atLeast", "atLeast is a number");
                } else if (threshold.asDouble() >= previous) {
                    problem(bandKey + ".atLeast", "bands go from the highest atLeast down; "
                            + threshold.asText() + " is not below the band before it");
                } else {
                    atLeast = OptionalDouble.of(threshold.asDouble());
                    previous = threshold.asDouble();
                }
            } else if (i < list.size() - 1) {
                problem(bandKey, "only the last band may leave out atLeast (it takes everything below)");
            }
            if (value.isPresent()) {
                bands.add(new Band(atLeast, value.get()));
            }
        }
        return from.size() == 1 && !bands.isEmpty() ? Optional.of(new PresetRule.Bands(from.get(0), bands))
                : Optional.empty();
    }

    private Optional<String> text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            problem(field, "needs text");
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    private Optional<ValueNode> scalar(String key, JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            problem(key, "needs a text, number or true/false value");
            return Optional.empty();
        }
        return Optional.of((ValueNode) node);
    }

    private void onlyKeys(JsonNode node, List<String> allowed, String prefix) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problem(prefix + name, "unknown key; allowed here: " + String.join(", ", allowed));
            }
        });
    }

    private void problem(String key, String message) {
        problems.add(new Problem(key, message));
    }
}
