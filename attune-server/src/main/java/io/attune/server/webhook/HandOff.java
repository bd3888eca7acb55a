package io.attune.server.webhook;

import io.attune.core.handoff.HandOffData;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.workspace.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One outbound message as a CloudEvent is made of it: the outbox message id (also the
 * {@code webhook-id}, the same on every retry), the event type, when the move happened (not when it
 * is delivered), the subject (the lead's id), the workspace it comes from, and what it says.
 */
public record HandOff(WorkspaceId workspace, WebhookId id, HandOffType type, Instant time, String subject,
        HandOffData data) {

    public HandOff {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a hand-off needs a subject (the id of the lead it is about)");
        }
    }

    public static HandOff of(WorkspaceId workspace, OutboundMessage message) {
        return new HandOff(workspace, new WebhookId(message.id()), message.type(), message.at(), message.subject(),
                message.data());
    }

    /** The CloudEvents {@code source}: {@code urn:attune:workspace:<id>}, one per workspace. */
    public URI source() {
        return sourceOf(workspace);
    }

    public static URI sourceOf(WorkspaceId workspace) {
        return URI.create("urn:attune:workspace:" + workspace.value());
    }
}
