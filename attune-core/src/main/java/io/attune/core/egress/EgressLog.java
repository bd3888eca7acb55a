package io.attune.core.egress;

import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where every egress decision is kept: one record per decision, written before anything is sent, so
 * that no message leaves (or is blocked) unrecorded. Records are only ever added.
 */
public interface EgressLog {

    /** Keeps the record; durable when this returns, or it throws and the message must not be sent. */
    void record(EgressRecord record);

    /** Every decision taken about one outbox message of a workspace, in the order they were taken. */
    List<EgressRecord> ofMessage(WorkspaceId workspace, String messageId);

    /**
     * The workspace's decisions matching {@code query}, in the order they were taken; {@code cursor} is
     * the previous page's {@code next}. A cursor this log did not issue is an IllegalArgumentException.
     */
    Page<EgressRecord> decisions(WorkspaceId workspace, EgressQuery query, Optional<String> cursor, int limit);

    /**
     * When each other message about {@code lead} to a destination of {@code kind} was first let out
     * (sent or redacted) at or after {@code since}: what a frequency cap counts (TCPA-03).
     */
    List<Instant> firstReleases(WorkspaceId workspace, String lead, DestinationKind kind, Instant since,
            String exceptMessage);
}
