package io.attune.core.outcome;

import io.attune.core.lead.LeadState;
import io.attune.core.query.LeadQueries;
import io.attune.core.workspace.WorkspaceId;
import java.util.Optional;

/** Finds the lead an update names, as it is now: a merged-away id finds the lead it was merged into. */
@FunctionalInterface
public interface LeadFinder {

    Optional<LeadState> find(WorkspaceId workspace, LeadReference reference);

    /** Finds leads with the API's read side. */
    static LeadFinder over(LeadQueries leads) {
        return (workspace, reference) -> {
            if (reference instanceof LeadReference.ById byId) {
                return leads.survivorOf(workspace, byId.id()).flatMap(id -> leads.lead(workspace, id));
            }
            return leads.leadByIdentity(workspace, ((LeadReference.ByIdentity) reference).identity());
        };
    }
}
