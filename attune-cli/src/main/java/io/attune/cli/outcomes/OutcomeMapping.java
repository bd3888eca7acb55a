package io.attune.cli.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.attune.core.outcome.OutcomeStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the columns of a CRM export become outcome updates. Read from a small YAML file, or, without
 * one, taken from the header by the conventional column names ({@code lead_id}, {@code user_id},
 * {@code email}, {@code status}, {@code at}, {@code amount}, {@code currency}, {@code crm_id},
 * {@code budget}, {@code authority}, {@code need}, {@code timeline}).
 *
 * <pre>
 * lead: {email: Email, userId: External_Id__c}  # id, userId and/or email; a row uses the first non-empty
 * status: StageName
 * statuses:                                     # the CRM's values; sql, opportunity, won, lost always work
 *   Qualified: sql
 *   Proposal/Price Quote: opportunity
 *   Closed Won: won
 *   Closed Lost: lost
 *   Prospecting: ignore                         # rows skipped on purpose, and counted
 * at: CloseDate
 * amount: Amount                                # optional, as are the rest
 * currency: CurrencyIsoCode
 * crmId: Id
 * bant: {budget: Budget__c, authority: Authority__c, need: Need__c, timeline: Timeline__c}
 * </pre>
 */
public record OutcomeMapping(Map<String, String> lead, String status, Map<String, String> statuses, String at,
        Optional<String> amount, Optional<String> currency, Optional<String> crmId, Map<String, String> bant) {

    /** The value a status maps to for rows that are not outcomes and are skipped. */
    public static final String IGNORE = "ignore";
    private static final Set<String> KEYS = Set.of("lead", "status", "statuses", "at", "amount", "currency", "crmId",
            "bant");
    private static final List<String> LEAD_KINDS = List.of("id", "userId", "email");
    private static final List<String> BANT = List.of("budget", "authority", "need", "timeline");
    private static final Map<String, String> DEFAULT_LEAD = Map.of("id", "lead_id", "userId", "user_id", "email",
            "email");

    public OutcomeMapping {
        lead = ordered(lead, LEAD_KINDS);
        statuses = Map.copyOf(statuses);
        bant = ordered(bant, BANT);
    }

    /** {@code columns} in the order of {@code keys}, which is the order they are tried and reported in. */
    private static Map<String, String> ordered(Map<String, String> columns, List<String> keys) {
        Map<String, String> ordered = new LinkedHashMap<>();
        keys.forEach(key -> {
            if (columns.containsKey(key)) {
                ordered.put(key, columns.get(key));
            }
        });
        return Collections.unmodifiableMap(ordered);
    }

    /** The conventional columns that {@code header} has; fails naming what is missing. */
    public static OutcomeMapping conventional(List<String> header) {
        Map<String, String> lead = new LinkedHashMap<>();
        DEFAULT_LEAD.forEach((kind, column) -> {
            if (header.contains(column)) {
                lead.put(kind, column);
            }
        });
        List<String> missing = new ArrayList<>();
        if (lead.isEmpty()) {
            missing.add("lead_id, user_id or email");
        }
        for (String column : List.of("status", "at")) {
            if (!header.contains(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("without --mapping the CSV needs the columns " + missing
                    + "; give a mapping file to use the CRM's own column names");
        }
        Map<String, String> bant = new LinkedHashMap<>();
        BANT.stream().filter(header::contains).forEach(part -> bant.put(part, part));
        if (!bant.isEmpty() && bant.size() < BANT.size()) {
            throw new IllegalArgumentException("the CSV has some of the columns " + BANT + " but not all; BANT is "
                    + "all four or none");
        }
        return new OutcomeMapping(lead, "status", Map.of(), "at", optional(header, "amount"),
                optional(header, "currency"), optional(header, "crm_id"), bant);
    }

    private static Optional<String> optional(List<String> header, String column) {
        return header.contains(column) ? Optional.of(column) : Optional.empty();
    }

    public static OutcomeMapping read(Path file) throws IOException {
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
        Map<String, String> lead = columns(root.path("lead"), LEAD_KINDS, "lead", file);
        if (lead.isEmpty()) {
            throw new IllegalArgumentException(file + ": lead must name the column of an id, userId or email");
        }
        Map<String, String> bant = columns(root.path("bant"), BANT, "bant", file);
        if (!bant.isEmpty() && bant.size() < BANT.size()) {
            throw new IllegalArgumentException(file + ": bant names all of " + BANT + " or none");
        }
        Map<String, String> statuses = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("statuses").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String value = entry.getValue().asText("").toLowerCase(Locale.ROOT);
            if (!value.equals(IGNORE) && OutcomeStatus.fromWireName(value).isEmpty()) {
                throw new IllegalArgumentException(file + ": statuses." + entry.getKey()
                        + " must be sql, opportunity, won, lost or ignore");
            }
            statuses.put(entry.getKey(), value);
        }
        return new OutcomeMapping(lead, required(root, "status", file), statuses, required(root, "at", file),
                text(root, "amount", file), text(root, "currency", file), text(root, "crmId", file), bant);
    }

    private static Map<String, String> columns(JsonNode node, List<String> allowed, String key, Path file) {
        Map<String, String> columns = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return columns;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(file + ": " + key + " maps " + allowed + " to column names");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!allowed.contains(entry.getKey()) || !entry.getValue().isTextual()) {
                throw new IllegalArgumentException(file + ": " + key + " maps " + allowed + " to column names");
            }
            columns.put(entry.getKey(), entry.getValue().asText());
        }
        return columns;
    }

    private static String required(JsonNode root, String key, Path file) {
        return text(root, key, file).orElseThrow(() -> new IllegalArgumentException(file + ": " + key
                + " must name a column"));
    }

    private static Optional<String> text(JsonNode root, String key, Path file) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": " + key + " must name a column");
        }
        return Optional.of(node.asText());
    }

    /** Every column the mapping reads, to check against the CSV header before reading rows. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(lead.values());
        columns.add(status);
        columns.add(at);
        amount.ifPresent(columns::add);
        currency.ifPresent(columns::add);
        crmId.ifPresent(columns::add);
        columns.addAll(bant.values());
        return columns;
    }

    /** The column an update's field came from, to name it in a reject reason: {@code lead.email} → its column. */
    public String columnOf(String field) {
        if (field.startsWith("lead.")) {
            return lead.getOrDefault(field.substring("lead.".length()), field);
        }
        if (field.startsWith("bant.")) {
            return bant.getOrDefault(field.substring("bant.".length()), field);
        }
        return switch (field) {
            case "status" -> status;
            case "at" -> at;
            case "amount" -> amount.orElse(field);
            case "currency" -> currency.orElse(field);
            case "crmId" -> crmId.orElse(field);
            default -> field;
        };
    }
}
