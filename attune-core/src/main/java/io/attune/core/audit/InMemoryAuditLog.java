package io.attune.core.audit;

import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit log in memory, for tests and tools: the same chaining and verification as the stored one. */
public final class InMemoryAuditLog implements AuditLog {
    private final Map<WorkspaceId, List<AuditEntry>> chains = new HashMap<>();

    @Override
    public synchronized List<AuditEntry> append(List<AuditRecord> records) {
        Map<WorkspaceId, AuditHead> heads = new HashMap<>();
        List<AuditEntry> written = new ArrayList<>(records.size());
        for (AuditRecord record : records) {
            AuditEntry entry = heads.computeIfAbsent(record.workspace(), this::head).next(record);
            heads.put(record.workspace(), entry.head());
            written.add(entry);
        }
        written.forEach(entry -> chains.computeIfAbsent(entry.workspace(), w -> new ArrayList<>()).add(entry));
        return written;
    }

    @Override
    public synchronized Page<AuditEntry> entries(WorkspaceId workspace, AuditFilter filter, Optional<String> cursor,
            int limit) {
        long after = cursor.map(InMemoryAuditLog::sequenceOf).orElse(0L);
        List<AuditEntry> matching = chain(workspace).stream()
                .filter(entry -> entry.sequence() > after && filter.matches(entry)).limit(limit + 1L).toList();
        List<AuditEntry> page = matching.subList(0, Math.min(limit, matching.size()));
        return new Page<>(page, matching.size() > limit
                ? Optional.of("s" + page.get(page.size() - 1).sequence()) : Optional.empty());
    }

    @Override
    public synchronized AuditVerification verify(WorkspaceId workspace, Collection<AuditHead> anchors) {
        List<AuditEntry> chain = chain(workspace);
        return AuditVerifier.verify(workspace, chain, chain.isEmpty() ? Optional.empty() : Optional.of(head(workspace)),
                anchors);
    }

    /** Every entry of the workspace, in order, as an export would carry them. */
    public synchronized List<AuditEntry> all(WorkspaceId workspace) {
        return List.copyOf(chain(workspace));
    }

    private AuditHead head(WorkspaceId workspace) {
        List<AuditEntry> chain = chain(workspace);
        return chain.isEmpty() ? AuditHead.EMPTY : chain.get(chain.size() - 1).head();
    }

    private List<AuditEntry> chain(WorkspaceId workspace) {
        return chains.getOrDefault(workspace, List.of());
    }

    private static long sequenceOf(String cursor) {
        try {
            if (cursor.startsWith("s")) {
                return Long.parseLong(cursor.substring(1));
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new IllegalArgumentException("the cursor is not one this log issued");
    }
}
