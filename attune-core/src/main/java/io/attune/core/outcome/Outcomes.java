package io.attune.core.outcome;

import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where outcomes are kept. Not a projection: they are what the CRM said, kept as said, and a rebuild
 * of the leads leaves them alone. Every method is scoped to one workspace.
 */
public interface Outcomes {

    /** Which of {@code ids} are stored already. */
    Set<OutcomeId> stored(WorkspaceId workspace, Collection<OutcomeId> ids);

    /**
     * Stores, together, each outcome whose id is not stored yet; one whose id is stored is left as it
     * is. Returns the ids this call stored.
     */
    Set<OutcomeId> store(WorkspaceId workspace, List<Outcome> outcomes);

    /**
     * Outcomes matching the filter, ordered by when they occurred and then by id; {@code cursor} is
     * the previous page's {@code next}. A cursor this store did not issue is an IllegalArgumentException.
     */
    Page<Outcome> outcomes(WorkspaceId workspace, OutcomeFilter filter, Optional<String> cursor, int limit);
}
