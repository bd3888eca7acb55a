package io.attune.core.egress;

import io.attune.core.event.Attributes;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataClass;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.privacy.PageClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is about to leave for one destination, before the egress filter: the kind of flow, the event
 * name (a hand-off's type, a track event's name, a page's name, or empty), the lead's segment,
 * whether the lead has substance-use data ({@code substanceUse}: its Part 2 flag or any substance-use
 * attribute — see {@link DataDictionary#revealsSubstanceUse}), the page's class when ingestion already
 * decided it (else the filter reads it from the page URL), the message's time (pseudonyms rotate by
 * it, so a retry sends the same) and the fields, each with its data class. Values never appear in
 * {@link #toString()}.
 */
public record OutboundPayload(FlowKind flow, String eventName, Segment segment, boolean substanceUse,
        Optional<PageClass> pageClass, Instant at, List<Field> fields) {

    /** One property and its class; the value is JSON-shaped as in {@link Attributes}. */
    public record Field(String name, DataClass dataClass, Object value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dataClass, "dataClass");
            if (name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("a field name is 1-200 characters");
            }
            if (value == null) {
                throw new IllegalArgumentException("a field has a value; leave out what is not given");
            }
            value = Attributes.of(Map.of(name, value)).get(name);
        }

        @Override
        public String toString() {
            return name + ":" + dataClass.wireName();
        }
    }

    public OutboundPayload {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(pageClass, "pageClass");
        Objects.requireNonNull(at, "at");
        fields = List.copyOf(fields);
        Set<String> names = new HashSet<>();
        for (Field field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("a payload names each field once: " + field.name());
            }
        }
    }

    /**
     * Classifies {@code properties} with the dictionary (by name and value, for a lead of this segment)
     * and every entry of {@code page} — the page's url, path, title, referrer, search term, as in
     * Segment's {@code context.page} or a page call's properties — as {@link DataClass#PAGE}. A name in
     * both is taken from {@code page}.
     */
    public static OutboundPayload of(FlowKind flow, String eventName, Segment segment, boolean substanceUse,
            Instant at, Attributes properties, Attributes page, DataDictionary dictionary) {
        Map<String, Field> fields = new LinkedHashMap<>();
        properties.asMap().forEach((name, value) ->
                fields.put(name, new Field(name, dictionary.classify(name, value, segment), value)));
        page.asMap().forEach((name, value) -> fields.put(name, new Field(name, DataClass.PAGE, value)));
        return new OutboundPayload(flow, eventName, segment, substanceUse, Optional.empty(), at,
                new ArrayList<>(fields.values()));
    }

    /** This payload with the page class ingestion decided (the event's {@code page_class}). */
    public OutboundPayload withPageClass(PageClass decided) {
        return new OutboundPayload(flow, eventName, segment, substanceUse, Optional.of(decided), at, fields);
    }

    /** This payload with other fields. */
    public OutboundPayload withFields(List<Field> replacement) {
        return new OutboundPayload(flow, eventName, segment, substanceUse, pageClass, at, replacement);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** The fields as attributes, in order: what a renderer writes. */
    public Attributes attributes() {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field.name(), field.value()));
        return Attributes.of(values);
    }

    @Override
    public String toString() {
        return "OutboundPayload[" + flow + " " + segment.wireName() + " " + fields + "]";
    }
}
