package io.attune.server.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.event.Attributes;
import io.attune.core.handoff.MessageTemplate;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the body of an outbound hand-off: a CloudEvents 1.0 event in structured mode, JSON
 * ({@value #CONTENT_TYPE}), with {@code specversion}, {@code id}, {@code source}, {@code type},
 * {@code subject}, {@code time}, {@code datacontenttype} and the hand-off as {@code data}. What it
 * says of the lead is only what the destination's egress policy {@code released} (see
 * {@link io.attune.core.egress.HandOffPayloads}), whatever the message holds: {@code data.fields}
 * holds the released traits, an envelope key the policy removed is absent, and {@code subject} is the
 * released lead id (or its pseudonym), absent when the lead id was not released. With a preset,
 * {@code data.properties} also holds the CRM properties the preset maps that to, so an integration
 * platform can forward them unchanged. The bytes returned are the bytes to sign and to send.
 * Immutable and safe to share between threads.
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

    public CloudEvent event(HandOff handOff, Attributes released) {
        return event(handOff, released, json.data(handOff, released));
    }

    /** The event with {@code data.properties} shaped by {@code preset}. */
    public CloudEvent event(HandOff handOff, Attributes released, Preset preset) {
        Objects.requireNonNull(preset, "preset");
        ObjectNode data = json.data(handOff, released);
        data.set("properties", presets.apply(preset, handOff, released));
        return event(handOff, released, data);
    }

    public byte[] body(HandOff handOff, Attributes released) {
        return format.serialize(event(handOff, released));
    }

    /**
     * The body for a destination: {@code data.properties} shaped by its preset, if it has one, and
     * {@code data.message} — the sender, subject and body an SMS or email destination delivers — if it
     * has a template.
     */
    public byte[] body(HandOff handOff, Attributes released, Optional<Preset> preset, MessageTemplate template) {
        ObjectNode data = json.data(handOff, released);
        preset.ifPresent(shape -> data.set("properties", presets.apply(shape, handOff, released)));
        if (!template.isEmpty()) {
            ObjectNode message = data.putObject("message");
            template.sender().ifPresent(sender -> message.put("sender", sender));
            template.subject().ifPresent(subject -> message.put("subject", subject));
            template.body().ifPresent(body -> message.put("body", body));
        }
        return format.serialize(event(handOff, released, data));
    }

    public byte[] body(HandOff handOff, Attributes released, Preset preset) {
        return format.serialize(event(handOff, released, preset));
    }

    private static CloudEvent event(HandOff handOff, Attributes released, ObjectNode data) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(handOff.id().value())
                .withSource(handOff.source())
                .withType(handOff.type().wireName())
                .withTime(OffsetDateTime.ofInstant(handOff.time(), ZoneOffset.UTC))
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(JsonCloudEventData.wrap(data));
        HandOffJson.lead(released).ifPresent(event::withSubject);
        return event.build();
    }
}
