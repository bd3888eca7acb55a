package io.attune.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Instants#parse} reads what {@link Instant#parse} reads, to the nanosecond, and refuses what it refuses. */
class InstantsProperties {

    @Property(tries = 2_000)
    void an_instant_as_written_reads_back_equal(@ForAll("instants") Instant instant) {
        assertThat(Instants.parse(instant.toString())).isEqualTo(instant);
    }

    @Property(tries = 2_000)
    void any_near_miss_of_the_written_form_reads_as_instant_parse_reads_it(@ForAll("nearMisses") String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(Instants.parse(text)).isEqualTo(expected);
    }

    @Example
    void forms_the_short_path_leaves_to_instant_parse_still_read() {
        assertThat(Instants.parse("2026-10-01T09:00:00.5Z")).isEqualTo(Instant.parse("2026-10-01T09:00:00.500Z"));
        assertThat(Instants.parse("2026-10-01t09:00:00z")).isEqualTo(Instant.parse("2026-10-01T09:00:00Z"));
        assertThat(Instants.parse("+12026-10-01T09:00:00Z")).isEqualTo(Instant.parse("+12026-10-01T09:00:00Z"));
        assertThat(Instants.parse("2026-12-31T23:59:60Z")).isEqualTo(Instant.parse("2026-12-31T23:59:60Z"));
        assertThatThrownBy(() -> Instants.parse("2026-02-30T09:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThat(Instants.parse("2026-10-01T24:00:00Z")).isEqualTo(Instant.parse("2026-10-02T00:00:00Z"));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999)
                .map(millis -> millis * 1_000_000), Arbitraries.integers().between(0, 999_999_999));
        return seconds.flatMap(second -> nanos.map(nano -> Instant.ofEpochSecond(second, nano)));
    }

    /** Written instants with one character replaced, dropped or doubled. */
    @Provide
    Arbitrary<String> nearMisses() {
        Arbitrary<Character> replacement = Arbitraries.of('0', '9', '3', '-', ':', 'T', 'Z', '.', ' ', 'x', '+');
        return instants().map(Instant::toString).flatMap(text -> Arbitraries.integers().between(0, text.length() - 1)
                .flatMap(at -> Arbitraries.oneOf(
                        replacement.map(c -> text.substring(0, at) + c + text.substring(at + 1)),
                        Arbitraries.just(text.substring(0, at) + text.substring(at + 1)),
                        Arbitraries.just(text.substring(0, at + 1) + text.substring(at)))));
    }
}
