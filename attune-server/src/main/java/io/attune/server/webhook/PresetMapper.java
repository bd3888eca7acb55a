package io.attune.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import io.attune.core.event.Attributes;
import io.attune.server.webhook.PresetRule.Band;
import io.attune.server.webhook.PresetRule.Bands;
import io.attune.server.webhook.PresetRule.Constant;
import io.attune.server.webhook.PresetRule.Copy;
import io.attune.server.webhook.PresetRule.Lookup;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a {@link Preset} to a hand-off: one JSON object of CRM properties, in the preset's order.
 * It knows nothing of any CRM; the preset file says everything. Sources read a view of the hand-off
 * that is its CloudEvents body flattened: the attributes beside the keys of {@code data}, with
 * {@code reasons} as one line of text — made, like the body, only of what the egress policy released.
 * A property whose source the hand-off lacks (a field the destination may not receive, an account on a
 * lead without one, anything the policy removed) is left out rather than sent empty, so a CRM never
 * has a value it holds overwritten with nothing. Immutable and thread-safe.
 */
public final class PresetMapper {
    private final ObjectMapper json = new ObjectMapper();
    private final HandOffJson handOffs;

    public PresetMapper(RuleDescriber describer) {
        this.handOffs = new HandOffJson(json, Objects.requireNonNull(describer, "describer"));
    }

    /** The CRM properties of {@code handOff}, reading only what the egress policy {@code released}. */
    public ObjectNode apply(Preset preset, HandOff handOff, Attributes released) {
        Objects.requireNonNull(preset, "preset");
        ObjectNode view = view(handOff, released);
        ObjectNode properties = json.createObjectNode();
        for (PresetProperty property : preset.properties()) {
            value(property.rule(), view).ifPresent(value -> properties.set(property.name(), value));
        }
        return properties;
    }

    private ObjectNode view(HandOff handOff, Attributes released) {
        ObjectNode view = handOffs.data(handOff, released);
        view.put("type", handOff.type().wireName());
        view.put("id", handOff.id().value());
        view.put("time", DateTimeFormatter.ISO_INSTANT.format(handOff.time()));
        HandOffJson.lead(released).ifPresent(lead -> view.put("subject", lead));
        view.put("source", handOff.source().toString());
        handOffs.reasonsText(handOff, released).ifPresent(text -> view.put("reasons", text));
        return view;
    }

    private static Optional<ValueNode> value(PresetRule rule, ObjectNode view) {
        if (rule instanceof Constant constant) {
            return Optional.of(constant.value());
        }
        if (rule instanceof Copy copy) {
            return first(copy.from(), view).or(copy::fallback);
        }
        if (rule instanceof Lookup lookup) {
            return first(lookup.from(), view).map(found -> lookup.table().get(found.asText()))
                    .or(lookup::fallback);
        }
        Bands bands = (Bands) rule;
        return read(bands.from(), view).filter(JsonNode::isNumber)
                .flatMap(number -> band(bands.bands(), number.asDouble()));
    }

    private static Optional<ValueNode> band(List<Band> bands, double number) {
        for (Band band : bands) {
            if (band.atLeast().isEmpty() || number >= band.atLeast().getAsDouble()) {
                return Optional.of(band.value());
            }
        }
        return Optional.empty();
    }

    private static Optional<ValueNode> first(List<PresetSource> sources, ObjectNode view) {
        for (PresetSource source : sources) {
            Optional<ValueNode> found = read(source, view);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<ValueNode> read(PresetSource source, ObjectNode view) {
        JsonNode node = view;
        for (String step : source.steps()) {
            node = node.get(step);
            if (node == null) {
                return Optional.empty();
            }
        }
        // objects and lists are not property values; an empty text would blank a CRM property
        return node instanceof ValueNode value && !value.isNull() && !(value.isTextual() && value.asText().isBlank())
                ? Optional.of(value) : Optional.empty();
    }
}
