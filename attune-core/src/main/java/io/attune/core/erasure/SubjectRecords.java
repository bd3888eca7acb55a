package io.attune.core.erasure;

import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What is held about a person, for a data-subject export, and what is kept once they are erased. */
public interface SubjectRecords {

    /**
     * Everything held about the lead this id names (or was merged into), as one JSON document, and
     * the lead ids it covers (the survivor first); empty when there is no such lead.
     */
    Optional<Export> export(WorkspaceId workspace, LeadId lead, Instant at);

    /** The tombstone of this id, if its lead (or the lead it was merged into) was erased. */
    Optional<Tombstone> tombstone(WorkspaceId workspace, LeadId lead);

    /** An export: the lead, the leads it covers, and the document. */
    record Export(LeadId lead, List<LeadId> leads, String json) {
        public Export {
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(json, "json");
            leads = List.copyOf(leads);
        }
    }
}
