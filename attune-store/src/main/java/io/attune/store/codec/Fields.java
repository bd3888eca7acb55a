package io.attune.store.codec;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Typed reads from the maps the codecs decode; a missing or mistyped field is a corrupt record. */
final class Fields {
    private Fields() {
    }

    static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalStateException("stored record lacks text field " + key);
    }

    static String optionalText(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof String s ? s : null;
    }

    static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalStateException("stored record lacks number field " + key);
    }

    static long integer(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("stored record lacks integer field " + key);
    }

    static Instant instant(Map<String, Object> map, String key) {
        return Instant.ofEpochMilli(integer(map, key));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
