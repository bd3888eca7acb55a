package io.attune.cli.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the columns of a CSV become Segment messages. {@code kind: leads} makes one {@code identify}
 * per row (fields are traits); {@code kind: events} one {@code track} per row (fields are
 * properties). Read from a small YAML file; every mistake is reported with the key it is under.
 *
 * <pre>
 * kind: leads
 * ids: {userId: crm_id, email: email}      # at least one of userId, anonymousId, email
 * timestamp: created_at                    # optional
 * messageId: row_id                        # optional; otherwise derived from the row's content
 * event: event_name                        # events only: the column with the event name …
 * eventName: Webinar Attended              # … or one name for every row
 * fields:
 *   title: job_title
 *   employees: {column: employee_count, type: number}
 * constants: {segment: employer}
 * </pre>
 */
public record ImportMapping(Kind kind, Map<String, String> ids, Optional<String> timestamp,
        Optional<String> messageId, Optional<String> event, Optional<String> eventName, List<Field> fields,
        Map<String, Object> constants) {

    private static final Set<String> KEYS = Set.of("kind", "ids", "timestamp", "messageId", "event", "eventName",
            "fields", "constants");
    private static final Set<String> ID_KINDS = Set.of("userId", "anonymousId", "email");

    /** What one row becomes. */
    public enum Kind { LEADS, EVENTS }

    /** How one column's text is read. */
    public enum Type { TEXT, NUMBER, BOOLEAN }

    /** One trait or property taken from a column. */
    public record Field(String name, String column, Type type) {
    }

    public static ImportMapping read(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": the mapping must be a YAML mapping");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException(file + ": unknown key '" + name + "'; the keys are " + KEYS);
            }
        }
        Kind kind = switch (text(root, "kind", file).orElse("")) {
            case "leads" -> Kind.LEADS;
            case "events" -> Kind.EVENTS;
            default -> throw new IllegalArgumentException(file + ": kind must be leads or events");
        };
        Map<String, String> ids = new LinkedHashMap<>();
        JsonNode idNode = root.path("ids");
        for (Iterator<Map.Entry<String, JsonNode>> it = idNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> id = it.next();
            if (!ID_KINDS.contains(id.getKey()) || !id.getValue().isTextual()) {
                throw new IllegalArgumentException(file + ": ids maps userId, anonymousId or email to a column name");
            }
            ids.put(id.getKey(), id.getValue().asText());
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(file + ": ids must name the column of a userId, anonymousId or email");
        }
        Optional<String> event = text(root, "event", file);
        Optional<String> eventName = text(root, "eventName", file);
        if (kind == Kind.EVENTS && event.isEmpty() && eventName.isEmpty()) {
            throw new IllegalArgumentException(file + ": an events mapping needs event (a column) or eventName");
        }
        List<Field> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.add(field(field.getKey(), field.getValue(), file));
        }
        Map<String, Object> constants = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("constants").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> constant = it.next();
            JsonNode value = constant.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw new IllegalArgumentException(file + ": constants." + constant.getKey() + " must be a plain value");
            }
            constants.put(constant.getKey(), value.isNumber() ? value.numberValue()
                    : value.isBoolean() ? (Object) value.booleanValue() : value.asText());
        }
        return new ImportMapping(kind, ids, text(root, "timestamp", file), text(root, "messageId", file), event,
                eventName, fields, constants);
    }

    private static Field field(String name, JsonNode spec, Path file) {
        if (spec.isTextual()) {
            return new Field(name, spec.asText(), Type.TEXT);
        }
        if (spec.isObject() && spec.path("column").isTextual()) {
            String type = spec.path("type").asText("text").toUpperCase(Locale.ROOT);
            try {
                return new Field(name, spec.path("column").asText(), Type.valueOf(type));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": fields." + name + ".type must be text, number or boolean");
            }
        }
        throw new IllegalArgumentException(file + ": fields." + name + " must be a column name or {column, type}");
    }

    private static Optional<String> text(JsonNode root, String key, Path file) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": " + key + " must be text");
        }
        return Optional.of(node.asText());
    }

    /** Every column the mapping reads, to check against the CSV header before reading rows. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(ids.values());
        timestamp.ifPresent(columns::add);
        messageId.ifPresent(columns::add);
        event.ifPresent(columns::add);
        fields.forEach(field -> columns.add(field.column()));
        return columns;
    }
}
