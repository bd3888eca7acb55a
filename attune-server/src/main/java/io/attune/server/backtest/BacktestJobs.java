package io.attune.server.backtest;

import io.attune.core.identity.LeadId;
import io.attune.core.model.ScoringModel;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backtests as background jobs, one at a time on a thread of their own (a backtest reads every lead
 * of a segment; two at once would only share the same cores), with their progress. Jobs live in
 * memory: the last {@value #KEPT} are kept, and a restart forgets them.
 */
public final class BacktestJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestJobs.class);
    static final int KEPT = 100;

    private final Backtester backtester;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "attune-backtest");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public BacktestJobs(Backtester backtester) {
        this.backtester = backtester;
    }

    /** Where a job stands; {@code total} is 0 until the leads to replay are listed. */
    public record Status(String id, WorkspaceId workspace, String state, long processed, long total,
            Optional<Backtest> result, Optional<String> error) {
    }

    private static final class Job {
        final String id;
        final WorkspaceId workspace;
        final AtomicLong processed = new AtomicLong();
        volatile long total;
        volatile Backtest result;
        volatile String error;

        Job(String id, WorkspaceId workspace) {
            this.id = id;
            this.workspace = workspace;
        }

        Status status() {
            String state = result != null ? "done" : error != null ? "failed" : "running";
            return new Status(id, workspace, state, processed.get(), total, Optional.ofNullable(result),
                    Optional.ofNullable(error));
        }
    }

    public Status start(WorkspaceId workspace, ScoringModel candidate, Optional<Instant> from, Instant to) {
        Job job = new Job("bt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), workspace);
        synchronized (jobs) {
            jobs.put(job.id, job);
            if (jobs.size() > KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        executor.execute(() -> {
            try {
                List<LeadId> leads = backtester.leadsOf(workspace, candidate);
                job.total = leads.size();
                job.result = backtester.run(workspace, candidate, from, to, leads, job.processed::set);
            } catch (RuntimeException failure) {
                LOG.error("backtest {} failed", job.id, failure);
                job.error = failure.getClass().getSimpleName() + ": the backtest could not finish; see the server log";
            }
        });
        return job.status();
    }

    /** A job of this workspace; another workspace's is not found. */
    public Optional<Status> status(WorkspaceId workspace, String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).filter(job -> job.workspace.equals(workspace)).map(Job::status);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
