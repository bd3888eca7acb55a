package io.attune.server.backtest;

import io.attune.core.identity.LeadId;
import io.attune.core.model.ScoringModel;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.jobs.BackgroundJobs;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Backtests as {@link BackgroundJobs}: a backtest reads every lead of a segment. */
public final class BacktestJobs implements AutoCloseable {
    private final Backtester backtester;
    private final BackgroundJobs<Backtest> jobs = new BackgroundJobs<>("backtest", "bt_");

    public BacktestJobs(Backtester backtester) {
        this.backtester = backtester;
    }

    public BackgroundJobs.Status<Backtest> start(WorkspaceId workspace, ScoringModel candidate, Optional<Instant> from,
            Instant to) {
        return jobs.start(workspace, progress -> {
            List<LeadId> leads = backtester.leadsOf(workspace, candidate);
            progress.total(leads.size());
            return backtester.run(workspace, candidate, from, to, leads, progress::processed);
        });
    }

    /** A job of this workspace; another workspace's is not found. */
    public Optional<BackgroundJobs.Status<Backtest>> status(WorkspaceId workspace, String id) {
        return jobs.status(workspace, id);
    }

    @Override
    public void close() {
        jobs.close();
    }
}
