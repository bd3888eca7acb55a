package io.attune.server.fakes;

import io.attune.core.audit.AuditEntry;
import io.attune.core.audit.AuditFilter;
import io.attune.core.audit.AuditHead;
import io.attune.core.audit.AuditLog;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditVerification;
import io.attune.core.audit.InMemoryAuditLog;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The in-memory audit log, with a switch that makes every append fail as a broken database would. */
public final class FakeAuditLog implements AuditLog {
    private final InMemoryAuditLog log = new InMemoryAuditLog();
    private volatile boolean failing;

    /** From now on, appends throw (or, with false, work again). */
    public void failAppends(boolean fail) {
        failing = fail;
    }

    /** Every entry of the workspace, in order. */
    public List<AuditEntry> all(WorkspaceId workspace) {
        return log.all(workspace);
    }

    @Override
    public List<AuditEntry> append(List<AuditRecord> records) {
        if (failing) {
            throw new IllegalStateException("the audit log is unavailable");
        }
        return log.append(records);
    }

    @Override
    public Page<AuditEntry> entries(WorkspaceId workspace, AuditFilter filter, Optional<String> cursor, int limit) {
        return log.entries(workspace, filter, cursor, limit);
    }

    @Override
    public AuditVerification verify(WorkspaceId workspace, Collection<AuditHead> anchors) {
        return log.verify(workspace, anchors);
    }
}
