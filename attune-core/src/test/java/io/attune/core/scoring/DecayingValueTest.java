package io.attune.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.attune.core.model.Decay;
import org.junit.jupiter.api.Test;

class DecayingValueTest {
    private static final Decay DECAY = new Decay(0.25);
    private static final long QUARTER = Decay.QUARTER.toMillis();
    private static final long T0 = 1_767_600_000_000L;

    @Test
    void adding_in_time_order_decays_the_earlier_points() {
        DecayingValue value = DecayingValue.ZERO.plus(10, T0, DECAY).plus(10, T0 + QUARTER, DECAY);

        assertThat(value.asOfMillis()).isEqualTo(T0 + QUARTER);
        assertThat(value.value()).isCloseTo(17.5, within(1e-9));
    }

    @Test
    void adding_out_of_order_gives_the_same_value_as_adding_in_order() {
        DecayingValue inOrder = DecayingValue.ZERO.plus(10, T0, DECAY).plus(10, T0 + QUARTER, DECAY);
        DecayingValue outOfOrder = DecayingValue.ZERO.plus(10, T0 + QUARTER, DECAY).plus(10, T0, DECAY);

        assertThat(outOfOrder.asOfMillis()).isEqualTo(T0 + QUARTER);
        assertThat(outOfOrder.value()).isCloseTo(inOrder.value(), within(1e-9));
        assertThat(outOfOrder.at(T0 + 3 * QUARTER, DECAY)).isCloseTo(inOrder.at(T0 + 3 * QUARTER, DECAY), within(1e-9));
    }

    @Test
    void the_first_points_are_kept_as_of_their_own_time() {
        DecayingValue value = DecayingValue.ZERO.plus(12, T0, DECAY);

        assertThat(value).isEqualTo(new DecayingValue(12, T0));
    }

    @Test
    void values_add_and_a_negated_value_takes_one_back_out() {
        DecayingValue a = new DecayingValue(10, T0);
        DecayingValue b = new DecayingValue(20, T0 + QUARTER);

        DecayingValue sum = a.plus(b, DECAY);
        DecayingValue back = sum.plus(b.negated(), DECAY);

        assertThat(sum.value()).isCloseTo(27.5, within(1e-9));
        assertThat(back.at(T0 + 2 * QUARTER, DECAY)).isCloseTo(a.at(T0 + 2 * QUARTER, DECAY), within(1e-9));
    }

    @Test
    void adding_nothing_changes_nothing() {
        DecayingValue value = new DecayingValue(10, T0);

        assertThat(value.plus(DecayingValue.ZERO, DECAY)).isSameAs(value);
    }

    @Test
    void a_value_must_be_finite() {
        assertThatThrownBy(() -> new DecayingValue(Double.NaN, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DecayingValue(Double.POSITIVE_INFINITY, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
