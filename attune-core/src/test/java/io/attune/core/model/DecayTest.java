package io.attune.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.scoring.DecayingValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecayTest {
    private static final long QUARTER = Duration.ofSeconds(Math.round(91.31 * 24 * 3600)).toMillis();

    @Test
    void a_quarter_is_91_31_days() {
        assertThat(Decay.QUARTER.toMillis()).isEqualTo(QUARTER);
    }

    @Test
    void after_exactly_one_quarter_a_value_is_three_quarters_of_itself() {
        Decay decay = new Decay(0.25);
        DecayingValue value = new DecayingValue(40, 1_000);

        assertThat(decay.factor(0, QUARTER)).isCloseTo(0.75, within(1e-12));
        assertThat(value.at(1_000 + QUARTER, decay)).isCloseTo(30, within(1e-9));
        assertThat(value.at(1_000 + 2 * QUARTER, decay)).isCloseTo(22.5, within(1e-9));
    }

    @Test
    void decay_is_continuous_within_a_quarter() {
        Decay decay = new Decay(0.25);

        assertThat(decay.factor(0, QUARTER / 2)).isCloseTo(Math.sqrt(0.75), within(1e-12));
    }

    @Test
    void zero_decay_keeps_a_value() {
        Decay none = new Decay(0);

        assertThat(new DecayingValue(40, 0).at(10 * QUARTER, none)).isEqualTo(40);
        assertThat(none.ratePerSecond()).isZero();
    }

    @Test
    void reading_before_the_value_was_kept_gives_the_value_as_kept() {
        Decay decay = new Decay(0.25);

        assertThat(decay.factor(QUARTER, 0)).isEqualTo(1);
        assertThat(new DecayingValue(40, QUARTER).at(0, decay)).isEqualTo(40);
    }

    @Test
    void ninety_percent_a_quarter_is_the_most_allowed() {
        assertThat(new Decay(0.9).factor(0, QUARTER)).isCloseTo(0.1, within(1e-12));

        assertThatThrownBy(() -> new Decay(0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.9");
        assertThatThrownBy(() -> new Decay(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decay(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_rate_per_second_is_the_log_of_what_remains_over_a_quarter() {
        Decay decay = new Decay(0.25);

        assertThat(decay.ratePerSecond() * QUARTER / 1000.0).isCloseTo(Math.log(0.75), within(1e-12));
    }

    @Test
    void decays_of_the_same_rate_are_equal() {
        assertThat(new Decay(0.2)).isEqualTo(new Decay(0.2)).hasSameHashCodeAs(new Decay(0.2))
                .isNotEqualTo(new Decay(0.25));
    }
}
