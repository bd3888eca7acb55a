package io.attune.core.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a workspace's team works: the working days, the hours (in the workspace's time zone, so
 * daylight saving moves them with the wall clock) and the holidays. A closing time of {@code 00:00}
 * means the end of the day, so {@code 00:00–00:00} on every day is a calendar that never closes.
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> workdays, LocalTime opens, LocalTime closes,
        Set<LocalDate> holidays) {
    // The region "UTC", not ZoneOffset.UTC: its id is "UTC", which is what the settings API shows.
    public static final BusinessCalendar DEFAULT = new BusinessCalendar(ZoneId.of("UTC"),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (workdays == null || workdays.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one working day");
        }
        if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
            throw new IllegalArgumentException("the business day must open before it closes (closing at 00:00 means "
                    + "midnight at the end of the day)");
        }
        workdays = Collections.unmodifiableSet(EnumSet.copyOf(workdays));
        holidays = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(holidays, "holidays")));
    }

    /** The instant {@code amount} of business time after {@code start}; {@code start} itself for zero. */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time to add cannot be negative");
        }
        if (amount.isZero()) {
            return start;
        }
        // Ends: holidays are finite and every working day opens before it closes, so each week past
        // the last holiday takes some of what remains.
        Duration remaining = amount;
        for (LocalDate day = start.atZone(zone).toLocalDate(); ; day = day.plusDays(1)) {
            if (!isWorkday(day)) {
                continue;
            }
            Instant from = later(start, open(day));
            Instant until = close(day);
            if (!from.isBefore(until)) {
                continue;
            }
            Duration available = Duration.between(from, until);
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
    }

    /** The business time between two instants; zero when {@code until} is not after {@code from}. */
    public Duration between(Instant from, Instant until) {
        Duration total = Duration.ZERO;
        if (!until.isAfter(from)) {
            return total;
        }
        LocalDate last = until.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkday(day)) {
                continue;
            }
            Instant start = later(from, open(day));
            Instant end = earlier(until, close(day));
            if (start.isBefore(end)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    public boolean isWorkday(LocalDate day) {
        return workdays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private Instant open(LocalDate day) {
        return ZonedDateTime.of(day, opens, zone).toInstant();
    }

    private Instant close(LocalDate day) {
        return closes.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : ZonedDateTime.of(day, closes, zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
