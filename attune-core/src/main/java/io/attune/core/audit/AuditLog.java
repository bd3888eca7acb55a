package io.attune.core.audit;

import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The append-only, hash-chained audit log: every read of PHI through the API, every consent change,
 * every egress decision, every policy override. There is one chain per workspace (sequence numbers
 * 1, 2, 3… of its own, each entry carrying the hash of the one before), so that a workspace can
 * export and verify its own log without anyone else's, and appenders of different workspaces never
 * wait for each other. Nothing is ever updated or deleted through this port: a deleted lead's entries
 * stay, which is why they carry ids and names, never values about a person.
 */
public interface AuditLog {

    /**
     * Appends the records to the ends of their workspaces' chains, in order and together: either
     * every one is written, chained and durable when this returns, or it throws and none is.
     * Concurrent appenders each get the chain's next sequence numbers; none is lost or chained twice.
     * Callers recording an access must treat a throw as "the access did not happen": no unaudited read.
     *
     * @return the entries written, in the order of {@code records}
     */
    List<AuditEntry> append(List<AuditRecord> records);

    default AuditEntry append(AuditRecord record) {
        return append(List.of(record)).get(0);
    }

    /**
     * The workspace's entries matching the filter, in sequence order; {@code cursor} is the previous
     * page's {@code next}. A cursor this log did not issue is an IllegalArgumentException.
     */
    Page<AuditEntry> entries(WorkspaceId workspace, AuditFilter filter, Optional<String> cursor, int limit);

    /**
     * Verifies the workspace's whole chain as it is now, against its recorded head and the given
     * anchors (heads written down earlier, e.g. by a previous verification); see {@link AuditVerifier}.
     */
    AuditVerification verify(WorkspaceId workspace, Collection<AuditHead> anchors);

    default AuditVerification verify(WorkspaceId workspace) {
        return verify(workspace, List.of());
    }
}
