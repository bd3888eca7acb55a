package io.attune.core.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private final QuietHours hours = new QuietHours();

    @Test
    void inside_the_window_of_every_zone_nothing_is_held() {
        // 18:00 UTC in November: 13:00 in New York, 10:00 in Los Angeles
        assertThat(hours.heldUntil(Set.of(NEW_YORK, LOS_ANGELES), Instant.parse("2026-11-27T18:00:00Z"))).isEmpty();
    }

    @Test
    void a_send_that_is_fine_in_new_york_waits_for_eight_in_los_angeles() {
        // 14:00 UTC: 09:00 in New York, 06:00 in Los Angeles — held until 08:00 Pacific (16:00 UTC)
        assertThat(hours.heldUntil(Set.of(NEW_YORK, LOS_ANGELES), Instant.parse("2026-11-27T14:00:00Z")))
                .contains(Instant.parse("2026-11-27T16:00:00Z"));
    }

    @Test
    void after_eight_in_the_evening_it_waits_for_the_next_morning_everywhere() {
        // 04:30 UTC on the 28th: 23:30 in New York, 20:30 in Los Angeles on the 27th
        assertThat(hours.heldUntil(Set.of(NEW_YORK, LOS_ANGELES), Instant.parse("2026-11-28T04:30:00Z")))
                .contains(Instant.parse("2026-11-28T16:00:00Z"));
        assertThat(hours.heldUntil(Set.of(NEW_YORK), Instant.parse("2026-11-28T01:00:00Z")))
                .as("20:00 itself is closed").contains(Instant.parse("2026-11-28T13:00:00Z"));
    }

    @Test
    void nothing_known_means_the_intersection_of_every_us_zone_one_to_eight_in_new_york() {
        Instant heldUntil = hours.heldUntil(UsTimeZones.ALL, Instant.parse("2026-11-27T14:00:00Z")).orElseThrow();

        assertThat(heldUntil).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(heldUntil.atZone(ZoneId.of("Pacific/Honolulu")).getHour()).isEqualTo(8);
        assertThat(hours.heldUntil(UsTimeZones.ALL, Instant.parse("2026-11-28T00:59:00Z"))).isEmpty();
    }

    @Test
    void zones_whose_windows_never_meet_are_refused() {
        // twelve hours apart: one's window closes as the other's opens
        assertThatThrownBy(() -> hours.heldUntil(Set.of(ZoneOffset.ofHours(-5), ZoneOffset.ofHours(7)),
                Instant.parse("2026-11-27T14:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
    }
}
