package io.attune.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered JSON objects for the demo's messages: the same seed must give the same bytes. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Segment's SDKs always send three fraction digits; ISO_INSTANT would drop them on a whole second. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** An ordered object from alternating keys and values; {@code null} values are left out, as SDKs do. */
    static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                object.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return object;
    }

    static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    static String write(Map<String, Object> value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // the demo builds only strings, numbers, booleans, lists and maps, which always serialise
            throw new IllegalStateException("a demo message did not serialise", e);
        }
    }
}
