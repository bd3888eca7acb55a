package io.attune.core.minors;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.event.Attributes;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgeScreenTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final AgeScreen screen = new AgeScreen();

    private AgeBand band(Map<String, ?> traits) {
        return screen.band(Attributes.of(traits), NOW);
    }

    @Test
    void an_age_a_band_or_a_birth_date_each_place_a_person() {
        assertThat(band(Map.of("age", 12))).isEqualTo(AgeBand.UNDER_13);
        assertThat(band(Map.of("age", "15"))).isEqualTo(AgeBand.AGE_13_15);
        assertThat(band(Map.of("age_band", "16–17"))).isEqualTo(AgeBand.AGE_16_17);
        assertThat(band(Map.of("ageBand", "25-34"))).isEqualTo(AgeBand.ADULT);
        assertThat(band(Map.of("birthday", "2013-11-28"))).as("the day before the 13th birthday")
                .isEqualTo(AgeBand.UNDER_13);
        assertThat(band(Map.of("dob", "2013-11-27T00:00:00Z"))).isEqualTo(AgeBand.AGE_13_15);
    }

    @Test
    void when_the_traits_disagree_the_youngest_wins() {
        assertThat(band(Map.of("age", 30, "age_band", "13-15"))).isEqualTo(AgeBand.AGE_13_15);
    }

    @Test
    void nothing_readable_is_unknown_not_adult() {
        assertThat(band(Map.of())).isEqualTo(AgeBand.UNKNOWN);
        assertThat(band(Map.of("age", "thirty", "birthday", "next spring", "age_band", "prefer not to say")))
                .isEqualTo(AgeBand.UNKNOWN);
        assertThat(band(Map.of("birthday", "2030-01-01"))).isEqualTo(AgeBand.UNKNOWN);
    }
}
