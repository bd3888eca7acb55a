package io.attune.server.webhook;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code webhook-id} of a message: the outbox message id, the same on every retry, so receivers
 * can use it as an idempotency key. The signed content is {@code id.timestamp.body}, so an id must
 * not contain a '.' (the spec's warning); the shape here also keeps it a safe HTTP header value.
 */
public record WebhookId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public WebhookId {
        Objects.requireNonNull(value, "webhook id");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("webhook ids are 1-128 letters, digits, '_' or '-'");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
