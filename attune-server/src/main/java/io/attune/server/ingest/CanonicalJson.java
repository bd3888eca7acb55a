package io.attune.server.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.attune.core.event.MessageId;
import io.attune.core.identity.Digests;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One spelling for one JSON value: object keys sorted, no whitespace, decimals without trailing zeros.
 * Two messages that mean the same thing get the same text, which is what a derived message id needs.
 */
final class CanonicalJson {
    /**
     * Left out of a derived id: {@code sentAt} changes on every retry of the same message, the id is
     * what is being derived, and a write key is a credential that must not shape stored ids.
     */
    private static final Set<String> NOT_IDENTIFYING = Set.of("sentAt", "messageId", "writeKey");
    static final String DERIVED_ID_PREFIX = "gen-";

    private final JsonFactory factory;

    CanonicalJson(JsonFactory factory) {
        this.factory = factory;
    }

    String write(Map<String, Object> message) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(out)) {
            writeValue(generator, message);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    /** A message id derived from what the message says, so that a retried copy dedupes like the original. */
    MessageId derivedId(Map<String, Object> message) {
        Map<String, Object> identifying = new LinkedHashMap<>(message);
        identifying.keySet().removeAll(NOT_IDENTIFYING);
        return new MessageId(DERIVED_ID_PREFIX + Digests.sha256Hex(write(identifying)));
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            generator.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            // toString keeps 1E+999999 short where toPlainString would spell out every digit
            generator.writeNumber(number.stripTrailingZeros());
        } else if (value instanceof Map<?, ?> map) {
            writeObject(generator, map);
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                writeValue(generator, element);
            }
            generator.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
        }
    }

    private static void writeObject(JsonGenerator generator, Map<?, ?> map) throws IOException {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            keys.add((String) key);
        }
        keys.sort(null);
        generator.writeStartObject();
        for (String key : keys) {
            generator.writeFieldName(key);
            writeValue(generator, map.get(key));
        }
        generator.writeEndObject();
    }
}
