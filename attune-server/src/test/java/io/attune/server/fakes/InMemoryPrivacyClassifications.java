package io.attune.server.fakes;

import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditLog;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.lifecycle.Actor;
import io.attune.core.privacy.PrivacyClassification;
import io.attune.core.privacy.PrivacyClassifications;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PrivacyClassifications} in memory. Unlike the real store it records every acknowledged
 * weakening of each save as an override, not only the new ones; the store's contract suite checks that.
 */
public final class InMemoryPrivacyClassifications implements PrivacyClassifications {
    private final Map<WorkspaceId, PrivacyClassification> saved = new ConcurrentHashMap<>();
    private final AuditLog audit;

    public InMemoryPrivacyClassifications(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public PrivacyClassification classification(WorkspaceId workspace) {
        return saved.getOrDefault(workspace, PrivacyClassification.NONE);
    }

    @Override
    public void save(WorkspaceId workspace, PrivacyClassification classification, Actor actor, Instant at) {
        saved.put(workspace, classification);
        AuditSubject subject = new AuditSubject("workspace", workspace.value());
        audit.append(classification.weakenings().stream().map(weakening -> AuditRecord.of(workspace, at, actor,
                AuditAction.POLICY_OVERRIDE, subject, AuditDetails.of("names", weakening.subject()))).toList());
    }
}
