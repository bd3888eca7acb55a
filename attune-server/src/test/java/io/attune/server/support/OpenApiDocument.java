package io.attune.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.server.openapi.OpenApiRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shipped OpenAPI document, read for tests: its operations, and a check of a response body
 * against the schema it documents. The check covers the JSON Schema the document uses ($ref,
 * type, enum, properties, required, items, allOf, anyOf, oneOf, date-time) and is stricter than the
 * document in one way: every property a response carries must be documented, so fields cannot be
 * added to a response without being described.
 */
public final class OpenApiDocument {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;

    public OpenApiDocument() {
        try {
            this.root = new ObjectMapper().readTree(OpenApiRoutes.load());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** Every documented operation as "METHOD path", e.g. "GET /api/leads/{id}". */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        root.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** Every {@code $ref} in the document that points nowhere. */
    public List<String> unresolvedReferences() {
        List<String> unresolved = new ArrayList<>();
        collectRefs(root, unresolved);
        return unresolved;
    }

    /** What is wrong with a response, measured against the document; empty when it matches. */
    public List<String> violations(String method, String pathTemplate, int status, JsonNode body) {
        JsonNode operation = root.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return List.of(method + " " + pathTemplate + " is not documented");
        }
        JsonNode response = resolve(operation.path("responses").path(String.valueOf(status)));
        if (response.isMissingNode()) {
            return List.of(method + " " + pathTemplate + " documents no " + status + " response");
        }
        Iterator<JsonNode> media = response.path("content").elements();
        if (!media.hasNext()) {
            return List.of(method + " " + pathTemplate + " " + status + " documents no body");
        }
        List<String> violations = new ArrayList<>();
        check(media.next().path("schema"), body, "$", true, violations);
        return violations;
    }

    /** What is wrong with a value, measured against one of the document's component schemas. */
    public List<String> violations(String schemaName, JsonNode value) {
        JsonNode schema = root.path("components").path("schemas").path(schemaName);
        if (schema.isMissingNode()) {
            return List.of("no schema " + schemaName);
        }
        List<String> violations = new ArrayList<>();
        check(schema, value, "$", true, violations);
        return violations;
    }

    private void check(JsonNode schemaOrRef, JsonNode value, String at, boolean strict, List<String> out) {
        JsonNode schema = resolve(schemaOrRef);
        for (String alternatives : List.of("anyOf", "oneOf")) {
            if (schema.has(alternatives) && !matchesAny(schema.get(alternatives), value, at, strict)) {
                out.add(at + ": matches none of the " + alternatives + " alternatives");
                return;
            }
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(part -> check(part, value, at, false, out));
        }
        if (schema.has("type") && !hasType(schema.get("type"), value)) {
            out.add(at + ": expected " + schema.get("type") + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            out.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if ("date-time".equals(schema.path("format").asText()) && value.isTextual()) {
            try {
                OffsetDateTime.parse(value.asText());
            } catch (DateTimeParseException e) {
                out.add(at + ": not a date-time: " + value.asText());
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", true, out);
            }
        }
        if (value.isObject()) {
            checkObject(schema, value, at, strict, out);
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at, boolean strict, List<String> out) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Set<String> required = new TreeSet<>();
        boolean open = collect(schema, properties, required);
        for (String name : required) {
            if (!value.has(name)) {
                out.add(at + ": lacks required " + name);
            }
        }
        value.properties().forEach(field -> {
            JsonNode property = properties.get(field.getKey());
            if (property != null) {
                check(property, field.getValue(), at + "." + field.getKey(), true, out);
            } else if (strict && !open) {
                out.add(at + ": " + field.getKey() + " is not documented");
            }
        });
    }

    /** Gathers properties and required names through allOf; true when the object may hold any property. */
    private boolean collect(JsonNode schemaOrRef, Map<String, JsonNode> properties, Set<String> required) {
        JsonNode schema = resolve(schemaOrRef);
        schema.path("properties").properties().forEach(p -> properties.put(p.getKey(), p.getValue()));
        schema.path("required").forEach(name -> required.add(name.asText()));
        boolean open = schema.path("additionalProperties").asBoolean(false)
                || !schema.has("properties") && !schema.has("allOf");
        if (schema.has("allOf")) {
            open = false;
            for (JsonNode part : schema.get("allOf")) {
                open |= collect(part, properties, required) && resolve(part).path("additionalProperties").asBoolean();
            }
        }
        return open;
    }

    private boolean matchesAny(JsonNode alternatives, JsonNode value, String at, boolean strict) {
        for (JsonNode alternative : alternatives) {
            List<String> problems = new ArrayList<>();
            check(alternative, value, at, strict, problems);
            if (problems.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (hasType(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = root.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private void collectRefs(JsonNode node, List<String> unresolved) {
        if (node.has("$ref") && root.at(node.get("$ref").asText().substring(1)).isMissingNode()) {
            unresolved.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, unresolved));
    }
}
