package io.attune.server.delivery;

import io.attune.core.handoff.ConfiguredDestination;
import io.attune.core.handoff.PendingDelivery;

/** Turns an outbox message into the request a destination receives: body (shaped by its preset) and signature. */
@FunctionalInterface
public interface MessageRenderer {
    Rendered render(PendingDelivery delivery, ConfiguredDestination destination);
}
