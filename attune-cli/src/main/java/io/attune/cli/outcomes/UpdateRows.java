package io.attune.cli.outcomes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.outcome.OutcomeStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one CSV row into one update in the API's shape, or says why it cannot. What only the receiver
 * can judge (amounts, lengths, whether the lead exists) is left to it.
 */
final class UpdateRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutcomeMapping mapping;

    UpdateRows(OutcomeMapping mapping) {
        this.mapping = mapping;
    }

    sealed interface Converted permits Update, Ignored, Rejected {
    }

    record Update(ObjectNode json) implements Converted {
    }

    /** A row whose status the mapping says to ignore: not an outcome. */
    record Ignored() implements Converted {
    }

    record Rejected(String reason) implements Converted {
    }

    Converted convert(Map<String, String> row) {
        ObjectNode update = JSON.createObjectNode();
        Optional<Map.Entry<String, String>> lead = mapping.lead().entrySet().stream()
                .filter(column -> !cell(row, column.getValue()).isEmpty()).findFirst();
        if (lead.isEmpty()) {
            return new Rejected("no lead: " + String.join(", ", mapping.lead().values()) + " are all empty");
        }
        update.putObject("lead").put(lead.get().getKey(), cell(row, lead.get().getValue()));
        String statusText = cell(row, mapping.status());
        if (statusText.isEmpty()) {
            return new Rejected(mapping.status() + " is empty");
        }
        Optional<String> status = status(statusText);
        if (status.isEmpty()) {
            return new Rejected(mapping.status() + " is not sql, opportunity, won or lost" + (mapping.statuses()
                    .isEmpty() ? "; map the CRM's values under statuses in a mapping file"
                    : " nor one of the values under statuses in the mapping"));
        }
        if (status.get().equals(OutcomeMapping.IGNORE)) {
            return new Ignored();
        }
        update.put("status", status.get());
        String atText = cell(row, mapping.at());
        if (atText.isEmpty()) {
            return new Rejected(mapping.at() + " is empty");
        }
        try {
            update.put("at", instant(atText).toString());
        } catch (DateTimeException | NumberFormatException e) {
            return new Rejected(mapping.at() + " is not a date, date-time or epoch time");
        }
        mapping.amount().map(column -> cell(row, column).replace(",", "").replace(" ", ""))
                .filter(text -> !text.isEmpty()).ifPresent(amount -> update.put("amount", amount));
        mapping.currency().map(column -> cell(row, column).toUpperCase(Locale.ROOT))
                .filter(text -> !text.isEmpty()).ifPresent(currency -> update.put("currency", currency));
        mapping.crmId().map(column -> cell(row, column)).filter(text -> !text.isEmpty())
                .ifPresent(crmId -> update.put("crmId", crmId));
        if (status.get().equals(OutcomeStatus.SQL.wireName()) && !mapping.bant().isEmpty()) {
            List<String> empty = mapping.bant().values().stream().filter(column -> cell(row, column).isEmpty())
                    .toList();
            if (empty.size() < mapping.bant().size()) {
                if (!empty.isEmpty()) {
                    return new Rejected("BANT is all four or none: " + String.join(", ", empty)
                            + (empty.size() == 1 ? " is" : " are") + " empty");
                }
                ObjectNode bant = update.putObject("bant");
                mapping.bant().forEach((part, column) -> bant.put(part, cell(row, column)));
            }
        }
        return new Update(update);
    }

    /** The mapping's value for the CRM's status, else the status itself, ignoring case. */
    private Optional<String> status(String text) {
        String mapped = mapping.statuses().get(text);
        if (mapped == null) {
            mapped = mapping.statuses().entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(text))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (mapped != null) {
            return Optional.of(mapped);
        }
        return OutcomeStatus.fromWireName(text.toLowerCase(Locale.ROOT)).map(OutcomeStatus::wireName);
    }

    /**
     * A date-time with an offset, a local date-time or a date (both read as UTC), or epoch seconds (ten
     * digits or fewer) or milliseconds.
     */
    static Instant instant(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            long number = Long.parseLong(text);
            return text.length() <= 10 ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException again) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        }
    }

    private static String cell(Map<String, String> row, String column) {
        String text = row.get(column);
        return text == null ? "" : text.strip();
    }
}
