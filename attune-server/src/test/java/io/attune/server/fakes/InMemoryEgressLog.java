package io.attune.server.fakes;

import io.attune.core.egress.DestinationKind;
import io.attune.core.egress.EgressLog;
import io.attune.core.egress.EgressQuery;
import io.attune.core.egress.EgressRecord;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link EgressLog} in memory, with the real one's order (as recorded) and paging (after the last
 * position of the previous page). Thread-safe.
 */
public final class InMemoryEgressLog implements EgressLog {
    private final List<EgressRecord> records = new ArrayList<>();

    @Override
    public synchronized void record(EgressRecord record) {
        records.add(record);
    }

    @Override
    public synchronized List<EgressRecord> ofMessage(WorkspaceId workspace, String messageId) {
        return records.stream().filter(record -> record.workspace().equals(workspace)
                && record.messageId().equals(messageId)).toList();
    }

    @Override
    public List<Instant> firstReleases(WorkspaceId workspace, String lead, DestinationKind kind, Instant since,
            String exceptMessage) {
        throw new UnsupportedOperationException("this fake keeps no destinations, so it cannot tell their kinds");
    }

    @Override
    public synchronized Page<EgressRecord> decisions(WorkspaceId workspace, EgressQuery query, Optional<String> cursor,
            int limit) {
        int after = KeysetCursor.lastId(cursor).map(Integer::parseInt).orElse(-1);
        List<EgressRecord> page = new ArrayList<>();
        int last = after;
        for (int position = after + 1; position < records.size(); position++) {
            EgressRecord record = records.get(position);
            if (!record.workspace().equals(workspace) || !matches(record, query)) {
                continue;
            }
            if (page.size() == limit) {
                return new Page<>(page, Optional.of(KeysetCursor.after(Integer.toString(last))));
            }
            page.add(record);
            last = position;
        }
        return new Page<>(page, Optional.empty());
    }

    private static boolean matches(EgressRecord record, EgressQuery query) {
        return query.destination().map(record.destination()::equals).orElse(true)
                && query.outcome().map(record.outcome()::equals).orElse(true)
                && query.since().map(since -> !record.at().isBefore(since)).orElse(true);
    }
}
