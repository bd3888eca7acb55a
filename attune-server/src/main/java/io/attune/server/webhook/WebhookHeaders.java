package io.attune.server.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The three Standard Webhooks headers of one delivery attempt. {@code timestamp} is the attempt's
 * time in unix seconds (a retry is signed again with a new one, which is what bounds replays);
 * {@code signature} is one or more space-separated {@code v1,<base64>} signatures.
 */
public record WebhookHeaders(WebhookId id, long timestamp, String signature) {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    public WebhookHeaders {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(signature, "signature");
    }

    /** The headers by name, in the order the spec lists them. */
    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id.value());
        headers.put(TIMESTAMP, Long.toString(timestamp));
        headers.put(SIGNATURE, signature);
        return headers;
    }
}
