package io.attune.cli.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.identity.Digests;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns one CSV row into one Segment message, or says why it cannot. */
final class RowConverter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "t");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "f");

    private final ImportMapping mapping;

    RowConverter(ImportMapping mapping) {
        this.mapping = mapping;
    }

    /** A message ready to send, or the reason the row was rejected. */
    sealed interface Converted permits Message, Rejected {
    }

    record Message(ObjectNode json) implements Converted {
    }

    record Rejected(String reason) implements Converted {
    }

    Converted convert(Map<String, String> row) {
        ObjectNode message = JSON.createObjectNode();
        message.put("type", mapping.kind() == ImportMapping.Kind.LEADS ? "identify" : "track");
        ObjectNode values = message.putObject(mapping.kind() == ImportMapping.Kind.LEADS ? "traits" : "properties");
        boolean identified = false;
        for (Map.Entry<String, String> id : mapping.ids().entrySet()) {
            String value = trimmed(row.get(id.getValue()));
            if (value.isEmpty()) {
                continue;
            }
            identified = true;
            if (id.getKey().equals("email")) {
                values.put("email", value);
                if (!mapping.ids().containsKey("userId") && !mapping.ids().containsKey("anonymousId")) {
                    // Segment needs a userId or anonymousId: the address is the most stable id a CSV offers.
                    message.put("userId", value.toLowerCase(Locale.ROOT));
                }
            } else {
                message.put(id.getKey(), value);
            }
        }
        if (!identified) {
            return new Rejected("no id: " + String.join(", ", mapping.ids().values()) + " are all empty");
        }
        for (ImportMapping.Field field : mapping.fields()) {
            String text = trimmed(row.get(field.column()));
            if (text.isEmpty()) {
                continue;
            }
            switch (field.type()) {
                case TEXT -> values.put(field.name(), text);
                case NUMBER -> {
                    try {
                        values.put(field.name(), new BigDecimal(text.replace(",", "")));
                    } catch (NumberFormatException e) {
                        return new Rejected(field.column() + " is not a number");
                    }
                }
                case BOOLEAN -> {
                    String lower = text.toLowerCase(Locale.ROOT);
                    if (!TRUE.contains(lower) && !FALSE.contains(lower)) {
                        return new Rejected(field.column() + " is not true/false (or yes/no, 1/0)");
                    }
                    values.put(field.name(), TRUE.contains(lower));
                }
            }
        }
        mapping.constants().forEach((name, value) -> values.set(name, JSON.valueToTree(value)));
        if (mapping.kind() == ImportMapping.Kind.EVENTS) {
            String name = mapping.event().map(column -> trimmed(row.get(column))).orElse(mapping.eventName().orElse(""));
            if (name.isEmpty()) {
                return new Rejected(mapping.event().orElse("event") + " is empty");
            }
            message.put("event", name);
        }
        if (mapping.timestamp().isPresent()) {
            String text = trimmed(row.get(mapping.timestamp().get()));
            if (!text.isEmpty()) {
                try {
                    message.put("timestamp", instant(text).toString());
                } catch (DateTimeParseException | NumberFormatException e) {
                    return new Rejected(mapping.timestamp().get() + " is not a date, date-time or epoch time");
                }
            }
        }
        String messageId = mapping.messageId().map(column -> trimmed(row.get(column))).orElse("");
        message.put("messageId", messageId.isEmpty() ? derivedId(message) : messageId);
        return new Message(message);
    }

    /** The same row imported twice gets the same id, so a re-import records nothing twice. */
    private static String derivedId(ObjectNode message) {
        return "csv-" + Digests.sha256Hex(message.toString()).substring(0, 32);
    }

    static Instant instant(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            long number = Long.parseLong(text);
            // ten digits or fewer are seconds since the epoch (until 2286), more are milliseconds
            return text.length() <= 10 ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        }
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.strip();
    }
}
