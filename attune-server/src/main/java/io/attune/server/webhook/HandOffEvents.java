package io.attune.server.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Builds the body of an outbound hand-off: a CloudEvents 1.0 event in structured mode, JSON
 * ({@value #CONTENT_TYPE}), with {@code specversion}, {@code id}, {@code source}, {@code type},
 * {@code subject}, {@code time}, {@code datacontenttype} and the hand-off as {@code data}. The
 * lead's traits in {@code data.fields} are cut to the destination's allow-list here, whatever the
 * message holds. With a preset, {@code data.properties} also holds the CRM properties the preset
 * maps the hand-off to, so an integration platform can forward them unchanged. The bytes returned
 * are the bytes to sign and to send. Immutable and safe to share between threads.
 */
public final class HandOffEvents {
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    private static final String DATA_CONTENT_TYPE = "application/json";

    private final HandOffJson json;
    private final PresetMapper presets;
    private final JsonFormat format = new JsonFormat();

    public HandOffEvents(RuleDescriber describer) {
        Objects.requireNonNull(describer, "describer");
        this.json = new HandOffJson(new ObjectMapper(), describer);
        this.presets = new PresetMapper(describer);
    }

    public CloudEvent event(HandOff handOff, FieldAllowList allowed) {
        return event(handOff, json.data(handOff, allowed));
    }

    /** The event with {@code data.properties} shaped by {@code preset}. */
    public CloudEvent event(HandOff handOff, FieldAllowList allowed, Preset preset) {
        Objects.requireNonNull(preset, "preset");
        ObjectNode data = json.data(handOff, allowed);
        data.set("properties", presets.apply(preset, handOff, allowed));
        return event(handOff, data);
    }

    public byte[] body(HandOff handOff, FieldAllowList allowed) {
        return format.serialize(event(handOff, allowed));
    }

    public byte[] body(HandOff handOff, FieldAllowList allowed, Preset preset) {
        return format.serialize(event(handOff, allowed, preset));
    }

    private static CloudEvent event(HandOff handOff, ObjectNode data) {
        return CloudEventBuilder.v1()
                .withId(handOff.id().value())
                .withSource(handOff.source())
                .withType(handOff.type().wireName())
                .withSubject(handOff.subject())
                .withTime(OffsetDateTime.ofInstant(handOff.time(), ZoneOffset.UTC))
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(JsonCloudEventData.wrap(data))
                .build();
    }
}
