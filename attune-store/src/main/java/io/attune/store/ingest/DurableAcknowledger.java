package io.attune.store.ingest;

import io.attune.store.threads.DaemonThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes the submissions of committed groups once their commit is on disk, on a thread of its
 * own: whoever waits on a submission continues on the completing thread (an HTTP response is written
 * there), and that must be neither the writer nor before the sync. While it syncs one group's commit,
 * the writer records the next, and one sync covers every group committed before it began.
 */
final class DurableAcknowledger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DurableAcknowledger.class);

    /** Returns once commit {@code commit} and all before it are on disk. */
    @FunctionalInterface
    interface Sync {
        void makeDurable(long commit) throws IOException;
    }

    /** How one submission of a group is told the outcome. */
    record Completion(Runnable complete, Consumer<Throwable> fail) {
    }

    private final Sync sync;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            new DaemonThreads("attune-acknowledger"));

    DurableAcknowledger(Sync sync) {
        this.sync = sync;
    }

    /** Completes {@code completions} once commit {@code commit} is durable; on the caller's thread once closed. */
    void acknowledge(long commit, List<Completion> completions) {
        try {
            thread.execute(() -> complete(commit, completions));
        } catch (RejectedExecutionException closed) {
            complete(commit, completions);
        }
    }

    private void complete(long commit, List<Completion> completions) {
        try {
            sync.makeDurable(commit);
        } catch (IOException | RuntimeException failure) {
            // Committed but perhaps not on disk: not acknowledged, so the senders retry, and their
            // message ids make the retry change nothing that did survive.
            LOG.error("syncing a committed group to disk failed ({}); its {} submissions are refused",
                    failure.getClass().getSimpleName(), completions.size());
            StoreFailure refused = new StoreFailure("the disk did not confirm the commit", failure);
            completions.forEach(completion -> completion.fail().accept(refused));
            return;
        }
        completions.forEach(completion -> completion.complete().run());
    }

    /** Completes what is waiting, then stops. */
    @Override
    public void close() {
        DaemonThreads.drain(thread, Duration.ofSeconds(30));
    }
}
