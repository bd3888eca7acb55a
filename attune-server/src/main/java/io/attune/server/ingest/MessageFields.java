package io.attune.server.ingest;

import io.attune.core.event.Attributes;
import io.attune.core.event.EventHeader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Typed reads of one message's top-level fields; each wrong field is recorded under its own path. */
final class MessageFields {
    /** Decimal ids beyond this many fraction digits are not ids anyone meant to send. */
    private static final int MAX_ID_FRACTION_DIGITS = 40;

    private final Map<String, Object> fields;
    private final FieldPath message;
    private final Problems problems;

    MessageFields(Map<String, Object> fields, FieldPath message, Problems problems) {
        this.fields = fields;
        this.message = message;
        this.problems = problems;
    }

    Object get(String name) {
        return fields.get(name);
    }

    void error(String name, String reason) {
        problems.add(message.child(name), reason);
    }

    /** An optional string; {@code null} when absent. */
    String optionalText(String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        error(name, "must be a string");
        return null;
    }

    String requiredText(String name, int maxLength) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            error(name, "must be a string");
        } else if (value == null || ((String) value).isBlank()) {
            error(name, "is required");
        } else if (((String) value).length() > maxLength) {
            error(name, "must be at most " + maxLength + " characters");
        } else {
            return (String) value;
        }
        return null;
    }

    /**
     * An identifier sent as a string or, as some SDKs do, as a number (read as its decimal string:
     * {@code 42} becomes {@code "42"}, {@code 12.50} becomes {@code "12.5"}). Blank counts as absent.
     */
    Optional<String> id(String name) {
        Object value = fields.get(name);
        String text;
        if (value == null) {
            return Optional.empty();
        } else if (value instanceof String string) {
            text = string;
        } else if (value instanceof Long || value instanceof BigInteger) {
            text = value.toString();
        } else if (value instanceof BigDecimal decimal) {
            text = decimalId(name, decimal);
        } else {
            error(name, "must be a string or a number");
            return Optional.empty();
        }
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.length() > EventHeader.MAX_ID_LENGTH) {
            error(name, "must be at most " + EventHeader.MAX_ID_LENGTH + " characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    String requiredId(String name) {
        Optional<String> id = id(name);
        Object value = fields.get(name);
        if (value == null || value instanceof String text && text.isBlank()) {
            error(name, "is required");
        }
        return id.orElse(null);
    }

    private String decimalId(String name, BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        // toPlainString of 1E+999999 would spell out a million digits: bound the size first
        if (stripped.scale() > MAX_ID_FRACTION_DIGITS
                || stripped.precision() - stripped.scale() > EventHeader.MAX_ID_LENGTH) {
            error(name, "must be at most " + EventHeader.MAX_ID_LENGTH + " characters");
            return null;
        }
        return stripped.toPlainString();
    }

    /** An optional object; empty when absent, and when wrong after recording why. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) {
        Object value = fields.get(name);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (value != null) {
            error(name, "must be an object");
        }
        return Map.of();
    }

    /** Core attributes of an object already read; numbers the core cannot hold are this field's error. */
    Attributes attributes(String name, Map<String, Object> object) {
        try {
            return Attributes.of(object);
        } catch (IllegalArgumentException e) {
            error(name, Objects.requireNonNullElse(e.getMessage(), "holds a value the core cannot store"));
            return Attributes.EMPTY;
        }
    }
}
