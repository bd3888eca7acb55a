package io.attune.server.fakes;

import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.ingest.Recorded;
import io.attune.core.workspace.WorkspaceId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@link EventIntake} that records each event at once into its workspace's fake store, through the
 * core, so that what ingestion accepts is readable from the API. {@link #saturate} makes it refuse
 * submissions the way a writer with a full queue does.
 */
public final class RecordingIntake implements EventIntake {
    private final Function<WorkspaceId, Tenant> tenants;
    private volatile Optional<Duration> saturated = Optional.empty();

    RecordingIntake(Function<WorkspaceId, Tenant> tenants) {
        this.tenants = tenants;
    }

    /** From now on refuse every submission, asking the sender to wait {@code retryAfter}; empty to admit again. */
    public void saturate(Optional<Duration> retryAfter) {
        this.saturated = retryAfter;
    }

    @Override
    public Admission submit(WorkspaceId workspace, List<IncomingEvent> events) {
        if (saturated.isPresent()) {
            return new Overloaded(saturated.get());
        }
        Tenant tenant = tenants.apply(workspace);
        List<Recorded> recorded = events.stream().map(incoming -> tenant.recordOne(incoming.event())).toList();
        return new Admitted(CompletableFuture.completedFuture(recorded));
    }
}
