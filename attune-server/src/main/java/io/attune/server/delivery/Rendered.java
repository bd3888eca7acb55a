package io.attune.server.delivery;

import java.util.Map;
import java.util.Objects;

/** A message ready to send: its body and the headers that go with it (content type, signature). */
public record Rendered(byte[] body, Map<String, String> headers) {
    public Rendered {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }
}
