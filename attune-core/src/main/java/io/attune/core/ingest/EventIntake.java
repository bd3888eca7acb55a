package io.attune.core.ingest;

import io.attune.core.workspace.WorkspaceId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Where ingestion hands events over. A submission is either admitted — and its stage completes
 * once every event is durably recorded (or fails, in which case none of it was) — or refused
 * because the writer is saturated, with how long the sender should wait.
 */
public interface EventIntake {

    Admission submit(WorkspaceId workspace, List<IncomingEvent> events);

    /** The answer to a submission. */
    sealed interface Admission permits Admitted, Overloaded {
    }

    /** Accepted for writing; completes with one {@link Recorded} per event, in order, after commit. */
    record Admitted(CompletionStage<List<Recorded>> recorded) implements Admission {
        public Admitted {
            Objects.requireNonNull(recorded, "recorded");
        }
    }

    /** Not accepted: too much is waiting to be written. Nothing was recorded. */
    record Overloaded(Duration retryAfter) implements Admission {
        public Overloaded {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
