package io.attune.server.ingest;

import io.attune.core.event.Instants;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides when a message's event happened, by the rule documented on {@link SegmentParser}.
 * Timestamps are ISO-8601 date-times with an offset: {@code Z}, {@code +01:00} or {@code +0100}.
 */
final class EventTime {
    /** Accepts both offset spellings SDKs use: {@code +01:00} (JavaScript, Java) and {@code +0100} (strftime). */
    private static final DateTimeFormatter ISO_WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Bounds that keep the skew arithmetic far from {@link Instant}'s range. */
    private static final Instant FIRST_READABLE = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_READABLE = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final int MAX_TEXT_LENGTH = 64;

    private final SegmentLimits limits;

    EventTime(SegmentLimits limits) {
        this.limits = limits;
    }

    /** The instant a timestamp field holds, or why it holds none. */
    sealed interface Reading permits Read, Unreadable {
    }

    record Read(Instant instant) implements Reading {
    }

    record Unreadable(String reason) implements Reading {
    }

    static Reading read(Object value) {
        if (!(value instanceof String text)) {
            return new Unreadable("must be an ISO-8601 date-time string");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return new Unreadable("is not an ISO-8601 date-time");
        }
        // the form SDKs send, read without the general formatter, which costs more than the rest of the message's times
        Optional<Instant> written = Instants.written(text);
        return written.isPresent() ? readable(written.get()) : readGenerally(text);
    }

    /** Any ISO-8601 date-time with an offset, as the formatter reads it. */
    static Reading readGenerally(String text) {
        try {
            TemporalAccessor parsed = ISO_WITH_OFFSET.parse(text);
            if (!parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return new Unreadable("must include a UTC offset such as Z or +01:00");
            }
            return readable(OffsetDateTime.from(parsed).toInstant());
        } catch (DateTimeException e) {
            return new Unreadable("is not an ISO-8601 date-time");
        }
    }

    private static Reading readable(Instant instant) {
        if (instant.isBefore(FIRST_READABLE) || instant.isAfter(LAST_READABLE)) {
            return new Unreadable("is outside the years 0001-9999");
        }
        return new Read(instant);
    }

    /**
     * The event time of one message, or {@code receivedAt} after recording why there is none: the caller
     * rejects the message when {@code problems} is not empty.
     *
     * @param batchSentAt the batch's {@code sentAt}, already read, used when the message has none
     */
    Instant resolve(Map<String, Object> fields, Optional<Instant> batchSentAt, Instant receivedAt,
            FieldPath message, Problems problems) {
        Optional<Instant> timestamp = field(fields, "timestamp", message, problems);
        Optional<Instant> original = field(fields, "originalTimestamp", message, problems);
        Optional<Instant> sentAt = field(fields, "sentAt", message, problems).or(() -> batchSentAt);
        String readingField = original.isPresent() ? "originalTimestamp" : "timestamp";
        Optional<Instant> reading = original.or(() -> timestamp);
        if (reading.isPresent() && sentAt.isPresent()) {
            Duration skew = Duration.between(reading.get(), sentAt.get());
            return bounded(receivedAt.minus(skew), receivedAt, message.child(readingField),
                    " after clock-skew correction (receivedAt - (sentAt - " + readingField + "))", problems);
        }
        if (reading.isPresent()) {
            return bounded(reading.get(), receivedAt, message.child(readingField), "", problems);
        }
        return receivedAt;
    }

    private static Optional<Instant> field(Map<String, Object> fields, String name, FieldPath message,
            Problems problems) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        Reading reading = read(value);
        if (reading instanceof Read read) {
            return Optional.of(read.instant());
        }
        problems.add(message.child(name), ((Unreadable) reading).reason());
        return Optional.empty();
    }

    private Instant bounded(Instant eventTime, Instant receivedAt, FieldPath field, String qualifier,
            Problems problems) {
        if (eventTime.isAfter(receivedAt.plus(limits.maxFutureSkew()))) {
            problems.add(field, "is more than " + describe(limits.maxFutureSkew())
                    + " after the request was received" + qualifier);
        } else if (eventTime.isBefore(limits.earliestTimestamp())) {
            problems.add(field, "is before " + limits.earliestTimestamp() + qualifier);
        }
        return eventTime;
    }

    private static String describe(Duration duration) {
        return duration.toSecondsPart() == 0 && duration.toMinutesPart() == 0 && duration.toNanosPart() == 0
                ? duration.toHours() + " hours"
                : duration.toString();
    }
}
