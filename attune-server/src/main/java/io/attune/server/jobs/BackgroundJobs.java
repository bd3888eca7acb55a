package io.attune.server.jobs;

import io.attune.core.workspace.WorkspaceId;
import io.attune.store.threads.DaemonThreads;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long reads of a whole segment (backtests, proposals) as background jobs, one at a time on a thread
 * of their own (two at once would only share the same cores), with their progress. Jobs live in
 * memory: the last {@value #KEPT} are kept, and a restart forgets them.
 *
 * @param <R> what a finished job holds
 */
public final class BackgroundJobs<R> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    static final int KEPT = 100;

    private final String kind;
    private final String idPrefix;
    private final ExecutorService executor;
    private final Map<String, Job<R>> jobs = new LinkedHashMap<>();

    /**
     * @param kind how logs and errors name a job, e.g. {@code backtest}
     * @param idPrefix what job ids start with, e.g. {@code bt_}
     */
    public BackgroundJobs(String kind, String idPrefix) {
        this.kind = kind;
        this.idPrefix = idPrefix;
        this.executor = Executors.newSingleThreadExecutor(new DaemonThreads("attune-" + kind));
    }

    /** A job's work; it tells its progress as it goes. */
    public interface Work<R> {
        R run(Progress progress);
    }

    /** How many items a job has to do, once known, and how many it has done. */
    public interface Progress {
        void total(long total);

        void processed(long processed);
    }

    /** Where a job stands; {@code total} is 0 until the job knows it. */
    public record Status<R>(String id, WorkspaceId workspace, String state, long processed, long total,
            Optional<R> result, Optional<String> error) {
    }

    private static final class Job<R> implements Progress {
        final String id;
        final WorkspaceId workspace;
        final AtomicLong processed = new AtomicLong();
        volatile long total;
        volatile R result;
        volatile String error;

        Job(String id, WorkspaceId workspace) {
            this.id = id;
            this.workspace = workspace;
        }

        @Override
        public void total(long total) {
            this.total = total;
        }

        @Override
        public void processed(long processed) {
            this.processed.set(processed);
        }

        Status<R> status() {
            String state = result != null ? "done" : error != null ? "failed" : "running";
            return new Status<>(id, workspace, state, processed.get(), total, Optional.ofNullable(result),
                    Optional.ofNullable(error));
        }
    }

    public Status<R> start(WorkspaceId workspace, Work<R> work) {
        Job<R> job = new Job<>(idPrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 20), workspace);
        synchronized (jobs) {
            jobs.put(job.id, job);
            if (jobs.size() > KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        executor.execute(() -> {
            try {
                job.result = work.run(job);
            } catch (RuntimeException failure) {
                LOG.error("{} {} failed", kind, job.id, failure);
                job.error = failure.getClass().getSimpleName() + ": the " + kind + " could not finish; see the server log";
            }
        });
        return job.status();
    }

    /** A job of this workspace; another workspace's is not found. */
    public Optional<Status<R>> status(WorkspaceId workspace, String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).filter(job -> job.workspace.equals(workspace)).map(Job::status);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
