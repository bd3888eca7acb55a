package io.attune.core.sla;

import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;

/** The open SLA timers whose due time has passed, for the watcher that escalates them. */
public interface OverdueTimers {

    /** Open timers due at or before {@code now}, earliest first, at most {@code limit}. */
    List<Due> due(Instant now, int limit);

    record Due(WorkspaceId workspace, SlaTimer timer) {
    }
}
