package io.attune.server.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.egress.HandOffPayloads;
import io.attune.core.event.Attributes;
import io.attune.core.model.RuleId;
import io.attune.server.http.Numbers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JSON of a hand-off's {@code data}, shared by the CloudEvents body and the presets so that both
 * use the same names — the names of the lead API ({@code from}, {@code cause}, {@code actor} as in a
 * lead's transitions). It is written from what the destination's egress policy released
 * ({@link HandOffPayloads}: the envelope as {@code handoff.*}, the lead's traits by name) and from
 * nothing else: an envelope key the policy removed is absent, one it pseudonymised carries the
 * pseudonym, and {@code fields} holds the released traits. A disclosure of Part 2 data carries the
 * §2.32 notice the egress filter added as {@code part2Notice}. Scores are rounded to two decimals, as
 * everywhere in the API.
 */
final class HandOffJson {
    /** Envelope names as released, and the keys of {@code data} they are written under, in order. */
    private static final Map<String, String> PLAIN = plain();

    private final ObjectMapper json;
    private final RuleDescriber describer;

    HandOffJson(ObjectMapper json, RuleDescriber describer) {
        this.json = json;
        this.describer = describer;
    }

    private static Map<String, String> plain() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(HandOffPayloads.LEAD, "lead");
        keys.put(HandOffPayloads.ACCOUNT, "account");
        keys.put(HandOffPayloads.SEGMENT, "segment");
        keys.put(HandOffPayloads.STAGE, "stage");
        keys.put(HandOffPayloads.FROM, "from");
        keys.put(HandOffPayloads.CAUSE, "cause");
        keys.put(HandOffPayloads.ACTOR, "actor");
        keys.put(HandOffPayloads.MODEL, "model");
        keys.put(HandOffPayloads.PART2_NOTICE, "part2Notice");
        return keys;
    }

    ObjectNode data(HandOff handOff, Attributes released) {
        ObjectNode node = json.createObjectNode();
        PLAIN.forEach((name, key) -> {
            if (released.has(name)) {
                node.set(key, json.valueToTree(released.get(name)));
            }
        });
        if (released.get(HandOffPayloads.SCORE) instanceof Map<?, ?> score) {
            ObjectNode scores = node.putObject("score");
            for (String part : List.of("fit", "engagement", "learned", "total")) {
                if (score.get(part) instanceof Number number) {
                    scores.put(part, Numbers.round(number.doubleValue()));
                }
            }
        }
        if (released.has(HandOffPayloads.REASONS)) {
            ArrayNode reasons = node.putArray("reasons");
            for (Reason reason : reasons(released)) {
                reasons.addObject().put("rule", reason.rule()).put("description", describe(handOff, reason))
                        .put("kind", reason.kind()).put("points", Numbers.round(reason.points()));
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        released.asMap().forEach((name, value) -> {
            if (!HandOffPayloads.ENVELOPE.contains(name)) {
                fields.put(name, value);
            }
        });
        node.set("fields", json.valueToTree(fields));
        return node;
    }

    /** The lead as released: its id, its pseudonym, or nothing. */
    static Optional<String> lead(Attributes released) {
        return released.text(HandOffPayloads.LEAD);
    }

    /**
     * "Requested a demo (30); Benefits leader title (25)": what a sales rep reads in a CRM text field;
     * empty when the reasons were not released.
     */
    Optional<String> reasonsText(HandOff handOff, Attributes released) {
        if (!released.has(HandOffPayloads.REASONS)) {
            return Optional.empty();
        }
        return Optional.of(reasons(released).stream()
                .map(reason -> {
                    String description = describe(handOff, reason);
                    return (description.isBlank() ? reason.rule() : description) + " (" + points(reason.points()) + ")";
                })
                .collect(Collectors.joining("; ")));
    }

    /** One reason as {@link HandOffPayloads} releases it: rule, points and kind. */
    private record Reason(String rule, double points, String kind) {
    }

    private static List<Reason> reasons(Attributes released) {
        if (!(released.get(HandOffPayloads.REASONS) instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .filter(entry -> entry.get("rule") instanceof String && entry.get("points") instanceof Number)
                .map(entry -> new Reason((String) entry.get("rule"), ((Number) entry.get("points")).doubleValue(),
                        entry.get("kind") instanceof String kind ? kind : ""))
                .toList();
    }

    private String describe(HandOff handOff, Reason reason) {
        String description = describer.describe(handOff.workspace(), handOff.data().model(),
                new RuleId(reason.rule()));
        return description == null ? "" : description.strip();
    }

    private static String points(double points) {
        double rounded = Numbers.round(points);
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}
