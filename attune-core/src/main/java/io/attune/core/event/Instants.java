package io.attune.core.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Reads instants as {@link Instant#toString} writes them, which is how every stored event holds its
 * times and how analytics SDKs send them ({@code Date.toISOString()}): {@code 2026-10-01T09:00:00Z},
 * with 3, 6 or 9 digits of fraction when there is one. Re-scoring reads two per stored event and
 * ingestion several per message, and the general formatter costs more than the rest of reading an
 * event's times; any other text is left to it.
 */
public final class Instants {
    private static final int SECONDS_END = 19;

    private Instants() {
    }

    /** The instant of {@code text}, read as {@link Instant#parse} reads it. */
    public static Instant parse(String text) {
        return written(text).orElseGet(() -> Instant.parse(text));
    }

    /** The instant of a text in the written form, or empty for any other text (which may still be an instant). */
    public static Optional<Instant> written(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || text.charAt(length - 1) != 'Z' || !separatorsAt(text)) {
            return Optional.empty();
        }
        boolean whole = length == SECONDS_END + 1;
        int fractionDigits = whole ? 0 : length - SECONDS_END - 2;
        if (!whole && (text.charAt(SECONDS_END) != '.' || fractionDigits == 0 || fractionDigits % 3 != 0
                || fractionDigits > 9)) {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = fractionDigits == 0 ? 0 : digits(text, SECONDS_END + 1, length - 1);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || fraction < 0) {
            return Optional.empty();
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
        int nanos = fraction;
        for (int scale = fractionDigits; scale < 9; scale++) {
            nanos *= 10;
        }
        return Optional.of(Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos));
    }

    private static boolean separatorsAt(String text) {
        return text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':';
    }

    /** The decimal number in {@code [from, to)}, or -1 if anything there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
