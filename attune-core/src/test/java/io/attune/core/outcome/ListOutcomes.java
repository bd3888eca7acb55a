package io.attune.core.outcome;

import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Outcomes of one workspace in a map, in the order stored. */
final class ListOutcomes implements Outcomes {
    final Map<OutcomeId, Outcome> stored = new LinkedHashMap<>();

    @Override
    public Set<OutcomeId> stored(WorkspaceId workspace, Collection<OutcomeId> ids) {
        Set<OutcomeId> found = new HashSet<>(ids);
        found.retainAll(stored.keySet());
        return found;
    }

    @Override
    public Set<OutcomeId> store(WorkspaceId workspace, List<Outcome> outcomes) {
        Set<OutcomeId> added = new HashSet<>();
        outcomes.forEach(outcome -> {
            if (stored.putIfAbsent(outcome.id(), outcome) == null) {
                added.add(outcome.id());
            }
        });
        return added;
    }

    @Override
    public Page<Outcome> outcomes(WorkspaceId workspace, OutcomeFilter filter, Optional<String> cursor, int limit) {
        throw new UnsupportedOperationException();
    }
}
