package io.attune.server.delivery;

import io.attune.core.event.Attributes;
import io.attune.core.handoff.ConfiguredDestination;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.PendingDelivery;
import io.attune.server.webhook.HandOff;
import io.attune.server.webhook.HandOffEvents;
import io.attune.server.webhook.Preset;
import io.attune.server.webhook.PresetFiles;
import io.attune.server.webhook.SigningSecrets;
import io.attune.server.webhook.WebhookSigner;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a hand-off as its destination receives it: a CloudEvent made of what the destination's
 * egress policy released at this attempt (not what the message held when it was queued), shaped by
 * its preset, and signed afresh for this attempt with every active secret.
 */
public final class WebhookRenderer implements MessageRenderer {
    private final HandOffEvents events;
    private final PresetFiles presets;
    private final Clock clock;
    private final Map<String, Preset> loaded = new ConcurrentHashMap<>();

    public WebhookRenderer(HandOffEvents events, PresetFiles presets, Clock clock) {
        this.events = events;
        this.presets = presets;
        this.clock = clock;
    }

    @Override
    public Rendered render(PendingDelivery delivery, ConfiguredDestination configured, Attributes released) {
        Destination destination = configured.destination();
        HandOff handOff = HandOff.of(delivery.workspace(), delivery.message());
        byte[] body = events.body(handOff, released,
                destination.preset().map(name -> loaded.computeIfAbsent(name, presets::named)), destination.template());
        WebhookSigner signer = new WebhookSigner(SigningSecrets.newestFirst(configured.secrets()));
        Map<String, String> headers = new HashMap<>(signer.sign(handOff.id(), clock.instant(), body).asMap());
        headers.put("Content-Type", HandOffEvents.CONTENT_TYPE);
        return new Rendered(body, headers);
    }
}
