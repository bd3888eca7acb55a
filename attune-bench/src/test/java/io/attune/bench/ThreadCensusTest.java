package io.attune.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadCensusTest {

    @Test
    void the_wait_for_a_core_is_schedstats_second_field() {
        assertThat(ThreadCensus.waitNanos("8123456789 40500 1234\n")).isEqualTo(40_500);
    }

    @Test
    void tells_how_long_a_kind_of_thread_waited_only_if_it_lived_through_both_readings() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "no /proc/self/task on this system");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Thread probe = new Thread(() -> {
            started.countDown();
            awaitQuietly(release);
        }, "census-probe");
        probe.start();
        started.await();
        try {
            ThreadCensus before = ThreadCensus.take();
            ThreadCensus after = ThreadCensus.take();

            assertThat(after.describeWaitSince(before, "census-probe", 1_000_000_000L)).hasValueSatisfying(line ->
                    assertThat(line).startsWith("census-probe waited for a core ").endsWith("% of the time"));
            assertThat(after.describeWaitSince(before, "no-such-thread", 1_000_000_000L)).isEmpty();
        } finally {
            release.countDown();
            probe.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
