package io.attune.server.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.handoff.HandOffData;
import io.attune.core.scoring.TopReasons;
import io.attune.server.http.Numbers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON of a hand-off's {@code data}, shared by the CloudEvents body and the presets so that both
 * use the same names — the names of the lead API ({@code from}, {@code cause}, {@code actor} as in a
 * lead's transitions). Scores are rounded to two decimals, as everywhere in the API.
 */
final class HandOffJson {
    private final ObjectMapper json;
    private final RuleDescriber describer;

    HandOffJson(ObjectMapper json, RuleDescriber describer) {
        this.json = json;
        this.describer = describer;
    }

    ObjectNode data(HandOff handOff, FieldAllowList allowed) {
        HandOffData data = handOff.data();
        ObjectNode node = json.createObjectNode();
        node.put("lead", data.lead());
        data.account().ifPresent(account -> node.put("account", account));
        node.put("segment", data.segment().wireName());
        node.put("stage", data.stage().wireName());
        node.put("from", data.from().wireName());
        node.put("cause", data.cause());
        node.put("actor", data.actor());
        node.put("model", data.model().toString());
        ObjectNode score = node.putObject("score");
        score.put("fit", Numbers.round(data.fit()));
        score.put("engagement", Numbers.round(data.engagement()));
        score.put("total", Numbers.round(data.total()));
        ArrayNode reasons = node.putArray("reasons");
        for (TopReasons.Reason reason : data.reasons()) {
            reasons.addObject().put("rule", reason.rule().value()).put("description", describe(handOff, reason))
                    .put("kind", reason.fit() ? "fit" : "engagement").put("points", Numbers.round(reason.value()));
        }
        node.set("fields", json.valueToTree(AllowedFields.of(data.fields(), allowed)));
        return node;
    }

    /** "Requested a demo (30); Benefits leader title (25)": what a sales rep reads in a CRM text field. */
    String reasonsText(HandOff handOff) {
        List<TopReasons.Reason> reasons = handOff.data().reasons();
        return reasons.stream()
                .map(reason -> {
                    String description = describe(handOff, reason);
                    return (description.isBlank() ? reason.rule().value() : description) + " (" + points(reason.value())
                            + ")";
                })
                .collect(Collectors.joining("; "));
    }

    private String describe(HandOff handOff, TopReasons.Reason reason) {
        String description = describer.describe(handOff.workspace(), handOff.data().model(), reason.rule());
        return description == null ? "" : description.strip();
    }

    private static String points(double points) {
        double rounded = Numbers.round(points);
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}
