package io.attune.store.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.audit.AuditDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * An entry's details as stored: a compact JSON object of string arrays, names in ascending order.
 * One text per value, so that a stored text that is not exactly what this writes was edited.
 */
final class DetailsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, List<String>>> SHAPE = new TypeReference<>() {
    };

    private DetailsJson() {
    }

    static String write(AuditDetails details) {
        try {
            return MAPPER.writeValueAsString(details.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details could not be written", e);
        }
    }

    /** Throws IllegalArgumentException for text that is not such an object. */
    static AuditDetails read(String json) {
        try {
            LinkedHashMap<String, List<String>> values = MAPPER.readValue(json, SHAPE);
            if (values == null) {
                throw new IllegalArgumentException("audit details are not a JSON object");
            }
            return new AuditDetails(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not a JSON object of string arrays", e);
        }
    }
}
