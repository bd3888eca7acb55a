package io.attune.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Timestamps in the form SDKs send take a short path; it must read exactly what the general formatter reads. */
class EventTimeProperties {

    @Property(tries = 2_000)
    void a_written_instant_reads_as_the_formatter_reads_it(@ForAll("written") String text) {
        assertThat(EventTime.read(text)).isEqualTo(EventTime.readGenerally(text));
    }

    @Property(tries = 2_000)
    void a_near_miss_reads_or_is_refused_as_the_formatter_does(@ForAll("nearMisses") String text) {
        assertThat(EventTime.read(text)).isEqualTo(EventTime.readGenerally(text));
    }

    @Example
    void the_year_zero_is_refused_on_either_path() {
        assertThat(EventTime.read("0000-06-01T00:00:00Z"))
                .isEqualTo(new EventTime.Unreadable("is outside the years 0001-9999"))
                .isEqualTo(EventTime.readGenerally("0000-06-01T00:00:00Z"));
    }

    @Provide
    Arbitrary<String> written() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999)
                .map(millis -> millis * 1_000_000), Arbitraries.integers().between(0, 999_999_999));
        return seconds.flatMap(second -> nanos.map(nano -> Instant.ofEpochSecond(second, nano).toString()));
    }

    /** Written instants with one character replaced, dropped or doubled. */
    @Provide
    Arbitrary<String> nearMisses() {
        Arbitrary<Character> replacement = Arbitraries.of('0', '9', '3', '-', ':', 'T', 'Z', '.', ' ', 'x', '+');
        return written().flatMap(text -> Arbitraries.integers().between(0, text.length() - 1)
                .flatMap(at -> Arbitraries.oneOf(
                        replacement.map(c -> text.substring(0, at) + c + text.substring(at + 1)),
                        Arbitraries.just(text.substring(0, at) + text.substring(at + 1)),
                        Arbitraries.just(text.substring(0, at + 1) + text.substring(at)))));
    }
}
