package io.attune.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final BusinessCalendar OFFICE = new BusinessCalendar(NEW_YORK,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
            Set.of(LocalDate.of(2026, 11, 26)));

    private static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    @Test
    void twenty_four_business_hours_from_friday_afternoon_end_on_wednesday_afternoon() {
        assertThat(OFFICE.plus(newYork("2026-11-06T16:00"), Duration.ofHours(24)))
                .isEqualTo(newYork("2026-11-11T16:00"));
    }

    @Test
    void an_mql_at_the_weekend_starts_its_clock_on_monday_morning() {
        assertThat(OFFICE.plus(newYork("2026-11-07T11:30"), Duration.ofHours(24)))
                .isEqualTo(newYork("2026-11-11T17:00"));
    }

    @Test
    void a_holiday_is_skipped() {
        assertThat(OFFICE.plus(newYork("2026-11-25T10:00"), Duration.ofHours(8)))
                .isEqualTo(newYork("2026-11-27T10:00"));
    }

    @Test
    void evening_time_counts_from_the_next_opening() {
        assertThat(OFFICE.plus(newYork("2026-11-09T22:15"), Duration.ofMinutes(30)))
                .isEqualTo(newYork("2026-11-10T09:30"));
    }

    @Test
    void business_time_is_elapsed_time_so_the_short_day_of_daylight_saving_ends_an_hour_later_on_the_clock() {
        BusinessCalendar always = new BusinessCalendar(NEW_YORK, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT, Set.of());

        assertThat(always.plus(newYork("2026-03-07T12:00"), Duration.ofHours(24)))
                .isEqualTo(newYork("2026-03-08T13:00"));
    }

    @Test
    void opening_hours_follow_the_wall_clock_across_daylight_saving() {
        Instant friday = newYork("2026-03-06T16:00");

        assertThat(OFFICE.plus(friday, Duration.ofHours(2))).isEqualTo(newYork("2026-03-09T10:00"));
        assertThat(OFFICE.between(friday, newYork("2026-03-09T10:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void business_time_between_counts_only_open_hours() {
        assertThat(OFFICE.between(newYork("2026-11-06T16:00"), newYork("2026-11-09T10:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(OFFICE.between(newYork("2026-11-09T10:00"), newYork("2026-11-06T16:00"))).isZero();
    }

    @Test
    void a_calendar_without_working_days_or_with_a_day_that_closes_before_it_opens_is_refused() {
        assertThatThrownBy(() -> new BusinessCalendar(NEW_YORK, Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0),
                Set.of())).hasMessageContaining("at least one working day");
        assertThatThrownBy(() -> new BusinessCalendar(NEW_YORK, Set.of(DayOfWeek.MONDAY), LocalTime.of(17, 0),
                LocalTime.of(9, 0), Set.of())).hasMessageContaining("open before it closes");
    }

    @Test
    void the_sla_is_due_after_its_business_time() {
        SalesSla sla = new SalesSla(Duration.ofHours(24), OFFICE);

        assertThat(sla.dueAt(newYork("2026-11-06T16:00"))).isEqualTo(newYork("2026-11-11T16:00"));
        assertThatThrownBy(() -> new SalesSla(Duration.ZERO, OFFICE)).hasMessageContaining("between 1 minute");
    }
}
