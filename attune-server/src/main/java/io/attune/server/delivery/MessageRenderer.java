package io.attune.server.delivery;

import io.attune.core.event.Attributes;
import io.attune.core.handoff.ConfiguredDestination;
import io.attune.core.handoff.PendingDelivery;

/**
 * Turns an outbox message into the request a destination receives: a body made only of what the
 * destination's egress policy {@code released} (see {@link io.attune.core.egress.HandOffPayloads}),
 * shaped by its preset, and the signature.
 */
@FunctionalInterface
public interface MessageRenderer {
    Rendered render(PendingDelivery delivery, ConfiguredDestination destination, Attributes released);
}
