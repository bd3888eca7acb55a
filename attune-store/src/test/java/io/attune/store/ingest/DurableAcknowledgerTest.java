package io.attune.store.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A committed group is acknowledged only after its commit is on disk, and not at all if the sync fails. */
class DurableAcknowledgerTest {

    @Test
    void submissions_complete_only_after_the_sync_of_their_commit_returns() throws Exception {
        CountDownLatch syncing = new CountDownLatch(1);
        CountDownLatch diskDone = new CountDownLatch(1);
        List<Long> synced = new CopyOnWriteArrayList<>();
        CompletableFuture<String> submission = new CompletableFuture<>();
        try (DurableAcknowledger acknowledger = new DurableAcknowledger(commit -> {
            syncing.countDown();
            await(diskDone);
            synced.add(commit);
        })) {
            acknowledger.acknowledge(7, List.of(completion(submission)));
            assertThat(syncing.await(30, TimeUnit.SECONDS)).isTrue();
            // the sync has begun and cannot return until the latch opens
            assertThat(submission).isNotDone();
            diskDone.countDown();
            assertThat(submission.get(30, TimeUnit.SECONDS)).isEqualTo("recorded");
            assertThat(synced).containsExactly(7L);
        }
    }

    @Test
    void a_failed_sync_refuses_every_submission_of_the_group_and_acknowledges_none() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        try (DurableAcknowledger acknowledger = new DurableAcknowledger(commit -> {
            throw new IOException("EIO");
        })) {
            acknowledger.acknowledge(1, List.of(completion(first), completion(second)));
            for (CompletableFuture<String> submission : List.of(first, second)) {
                assertThatThrownBy(() -> submission.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(StoreFailure.class).hasRootCauseMessage("EIO");
            }
        }
    }

    @Test
    void groups_are_acknowledged_in_commit_order() throws Exception {
        List<Long> order = new CopyOnWriteArrayList<>();
        CompletableFuture<String> last = new CompletableFuture<>();
        try (DurableAcknowledger acknowledger = new DurableAcknowledger(commit -> { })) {
            for (long commit = 1; commit <= 50; commit++) {
                long number = commit;
                acknowledger.acknowledge(commit, List.of(new DurableAcknowledger.Completion(() -> order.add(number),
                        failure -> { })));
            }
            acknowledger.acknowledge(51, List.of(completion(last)));
            last.get(30, TimeUnit.SECONDS);
        }
        assertThat(order).isSorted().hasSize(50);
    }

    @Test
    void once_closed_it_still_syncs_before_it_acknowledges_on_the_callers_thread() {
        List<String> steps = new CopyOnWriteArrayList<>();
        DurableAcknowledger acknowledger = new DurableAcknowledger(commit -> steps.add("sync " + commit));
        acknowledger.close();
        acknowledger.acknowledge(3, List.of(new DurableAcknowledger.Completion(() -> steps.add("complete on "
                + Thread.currentThread().getName()), failure -> steps.add("failed"))));
        assertThat(steps).containsExactly("sync 3", "complete on " + Thread.currentThread().getName());
    }

    private static DurableAcknowledger.Completion completion(CompletableFuture<String> submission) {
        return new DurableAcknowledger.Completion(() -> submission.complete("recorded"),
                submission::completeExceptionally);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
