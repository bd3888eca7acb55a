package io.attune.store.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
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
}
