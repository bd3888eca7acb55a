package io.attune.bench.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {
    private static final long MS = 1_000_000;

    @Test
    void percentiles_are_taken_by_nearest_rank_whatever_the_order_of_the_samples() {
        long[] shuffled = LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).map(i -> i * MS).toArray();

        Latencies latencies = Latencies.of(shuffled, 0);

        assertThat(latencies.percentile(50)).isEqualTo(50 * MS);
        assertThat(latencies.percentile(95)).isEqualTo(95 * MS);
        assertThat(latencies.percentile(99)).isEqualTo(99 * MS);
        assertThat(latencies.max()).isEqualTo(100 * MS);
        assertThat(latencies.summary()).isEqualTo("p50 50.0, p95 95.0, p99 99.0, max 100.0 ms");
    }

    @Test
    void a_small_set_rounds_the_rank_up_so_a_p99_of_ten_samples_is_the_slowest() {
        Latencies latencies = Latencies.of(LongStream.rangeClosed(1, 10).map(i -> i * MS).toArray(), 0);

        assertThat(latencies.percentile(99)).isEqualTo(10 * MS);
        assertThat(latencies.percentile(50)).isEqualTo(5 * MS);
    }

    @Test
    void a_lost_sample_counts_as_slower_than_every_measured_one() {
        long[] measured = LongStream.rangeClosed(1, 98).map(i -> i * MS).toArray();

        Latencies oneLost = Latencies.of(LongStream.rangeClosed(1, 99).map(i -> i * MS).toArray(), 1);
        Latencies twoLost = Latencies.of(measured, 2);

        assertThat(oneLost.percentile(99)).isEqualTo(99 * MS);
        assertThat(oneLost.max()).isEqualTo(Long.MAX_VALUE);
        assertThat(twoLost.percentile(99)).isEqualTo(Long.MAX_VALUE);
        assertThat(twoLost.summary()).endsWith("p99 lost, max lost ms");
    }

    @Test
    void a_percentile_outside_zero_to_a_hundred_is_refused() {
        Latencies latencies = Latencies.of(new long[] {MS}, 0);

        assertThatThrownBy(() -> latencies.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> latencies.percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
