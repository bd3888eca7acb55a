package io.attune.store.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void makes_named_daemon_threads_that_run_their_work() throws Exception {
        CompletableFuture<String> ranOn = new CompletableFuture<>();
        Thread thread = new DaemonThreads("attune-test").newThread(() -> ranOn.complete(Thread.currentThread().getName()));

        thread.start();

        assertThat(thread.isDaemon()).isTrue();
        assertThat(ranOn.get()).isEqualTo("attune-test");
    }

    @Test
    void draining_waits_for_the_work_already_taken() {
        ExecutorService executor = Executors.newSingleThreadExecutor(new DaemonThreads("attune-test"));
        AtomicBoolean finished = new AtomicBoolean();
        executor.execute(() -> {
            // still running when the drain begins, done only after it has
            while (!executor.isShutdown()) {
                Thread.onSpinWait();
            }
            finished.set(true);
        });

        DaemonThreads.drain(executor, Duration.ofMinutes(1));

        assertThat(executor.isTerminated()).isTrue();
        assertThat(finished).isTrue();
    }
}
