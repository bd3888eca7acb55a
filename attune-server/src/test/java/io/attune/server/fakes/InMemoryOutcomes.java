package io.attune.server.fakes;

import io.attune.core.outcome.Outcome;
import io.attune.core.outcome.OutcomeFilter;
import io.attune.core.outcome.OutcomeId;
import io.attune.core.outcome.Outcomes;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Outcomes per workspace, in a map ordered as the store lists them: by when they occurred, then by id. */
public final class InMemoryOutcomes implements Outcomes {
    private final Map<WorkspaceId, ConcurrentSkipListMap<String, Outcome>> byWorkspace = new ConcurrentHashMap<>();

    private ConcurrentSkipListMap<String, Outcome> of(WorkspaceId workspace) {
        return byWorkspace.computeIfAbsent(workspace, id -> new ConcurrentSkipListMap<>());
    }

    /** Zero-padded time then id, so that text order is the listing's order. */
    private static String key(Outcome outcome) {
        return String.format("%020d:%s", outcome.occurredAt().toEpochMilli(), outcome.id().value());
    }

    @Override
    public Set<OutcomeId> stored(WorkspaceId workspace, Collection<OutcomeId> ids) {
        Set<OutcomeId> found = new HashSet<>();
        of(workspace).values().forEach(outcome -> {
            if (ids.contains(outcome.id())) {
                found.add(outcome.id());
            }
        });
        return found;
    }

    @Override
    public synchronized Set<OutcomeId> store(WorkspaceId workspace, List<Outcome> outcomes) {
        Set<OutcomeId> added = new HashSet<>();
        for (Outcome outcome : outcomes) {
            if (of(workspace).putIfAbsent(key(outcome), outcome) == null) {
                added.add(outcome.id());
            }
        }
        return added;
    }

    @Override
    public Page<Outcome> outcomes(WorkspaceId workspace, OutcomeFilter filter, Optional<String> cursor, int limit) {
        Optional<String> after = KeysetCursor.lastId(cursor);
        List<Map.Entry<String, Outcome>> matching = of(workspace).entrySet().stream()
                .filter(entry -> after.map(last -> entry.getKey().compareTo(last) > 0).orElse(true))
                .filter(entry -> filter.since().map(since -> !entry.getValue().occurredAt().isBefore(since))
                        .orElse(true))
                .filter(entry -> filter.status().map(status -> entry.getValue().status() == status).orElse(true))
                .limit(limit + 1L).toList();
        List<Outcome> items = matching.stream().limit(limit).map(Map.Entry::getValue).toList();
        Optional<String> next = matching.size() > limit
                ? Optional.of(KeysetCursor.after(matching.get(limit - 1).getKey())) : Optional.empty();
        return new Page<>(items, next);
    }
}
