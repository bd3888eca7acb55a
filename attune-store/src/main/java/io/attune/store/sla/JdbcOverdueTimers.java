package io.attune.store.sla;

import io.attune.core.sla.OverdueTimers;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.db.Database;
import java.time.Instant;
import java.util.List;

/** Open SLA timers past their due time, across workspaces, for the watcher. */
public final class JdbcOverdueTimers implements OverdueTimers {
    private final Database database;

    public JdbcOverdueTimers(Database database) {
        this.database = database;
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT workspace_id, " + SlaTimerRows.COLUMNS
                        + " FROM sla_timers WHERE status = 'open' AND due_at <= ? ORDER BY due_at LIMIT ?")
                .bind(0, now.toEpochMilli()).bind(1, limit)
                .map((rs, ctx) -> new Due(new WorkspaceId(rs.getString("workspace_id")), SlaTimerRows.timer(rs)))
                .list());
    }
}
