package io.attune.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class BusinessCalendarProperties {
    private static final List<String> ZONES = List.of("UTC", "America/New_York", "America/Los_Angeles",
            "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata");

    @Property
    void the_business_time_between_a_start_and_its_deadline_is_what_was_added(@ForAll("calendars") BusinessCalendar
            calendar, @ForAll("instants") Instant start, @ForAll @LongRange(min = 0, max = 500 * 60) long minutes) {
        Duration amount = Duration.ofMinutes(minutes);

        assertThat(calendar.between(start, calendar.plus(start, amount))).isEqualTo(amount);
    }

    @Property
    void more_business_time_never_ends_earlier(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start, @ForAll @LongRange(min = 0, max = 300 * 60) long minutes,
            @ForAll @LongRange(min = 0, max = 300 * 60) long more) {
        Instant deadline = calendar.plus(start, Duration.ofMinutes(minutes));

        assertThat(calendar.plus(start, Duration.ofMinutes(minutes + more))).isAfterOrEqualTo(deadline);
    }

    @Property
    void a_deadline_falls_on_a_working_day_within_its_hours(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("instants") Instant start, @ForAll @LongRange(min = 1, max = 500 * 60) long minutes) {
        Instant deadline = calendar.plus(start, Duration.ofMinutes(minutes));

        Duration justBefore = calendar.between(start, deadline.minusNanos(1));
        assertThat(justBefore).isLessThan(Duration.ofMinutes(minutes));
        ZonedDateTime local = deadline.minusNanos(1).atZone(calendar.zone());
        assertThat(calendar.isWorkday(local.toLocalDate())).isTrue();
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("2025-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2028-12-31T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7);
        Arbitrary<Integer> opensAt = Arbitraries.integers().between(0, 22 * 60);
        Arbitrary<Integer> length = Arbitraries.integers().between(30, 24 * 60);
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<Set<LocalDate>> holidays = Arbitraries.integers().between(0, 4 * 366)
                .map(day -> LocalDate.of(2025, 1, 1).plusDays(day)).set().ofMaxSize(20);
        return Combinators.combine(zones, days, opensAt, length, holidays).as((zone, workdays, open, minutes, off) -> {
            LocalTime opens = LocalTime.MIDNIGHT.plusMinutes(open);
            int close = Math.min(open + minutes, 24 * 60);
            LocalTime closes = close == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.MIDNIGHT.plusMinutes(close);
            return new BusinessCalendar(zone, EnumSet.copyOf(workdays), opens, closes, new HashSet<>(off));
        });
    }
}
