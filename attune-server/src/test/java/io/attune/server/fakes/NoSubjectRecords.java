package io.attune.server.fakes;

import io.attune.core.erasure.SubjectRecords;
import io.attune.core.erasure.Tombstone;
import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/** A workspace with nothing to export and nobody erased: enough for the routes' wiring and documentation. */
public final class NoSubjectRecords implements SubjectRecords {
    @Override
    public Optional<Export> export(WorkspaceId workspace, LeadId lead, Instant at) {
        return Optional.empty();
    }

    @Override
    public Optional<Tombstone> tombstone(WorkspaceId workspace, LeadId lead) {
        return Optional.empty();
    }
}
