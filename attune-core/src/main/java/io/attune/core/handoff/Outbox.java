package io.attune.core.handoff;

import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox as the dispatcher sees it. Messages are written by the writer in the transaction of
 * the move they announce; here they are taken when due, in order per destination and lead (a
 * message waits while an earlier one for the same lead is undelivered), and their attempts recorded.
 */
public interface Outbox {

    /** Messages whose next attempt is due at {@code now}, oldest first, at most {@code limit}. */
    List<PendingDelivery> due(Instant now, int limit);

    /**
     * Takes a due message for one attempt, unless another dispatcher (or a stale read of this one)
     * already did: it is not due again until {@code leaseUntil}, so a dispatcher that dies while
     * sending leaves it to be sent again then, with the same id. False when the message is no longer
     * as {@code delivery} read it.
     */
    boolean claim(PendingDelivery delivery, Instant now, Instant leaseUntil);

    /** Records an attempt; a failed one is retried at {@code retryAt}, or dead-lettered when it is empty. */
    void attempted(DeliveryAttempt attempt, Optional<Instant> retryAt);

    /**
     * Ends a claimed message for good because the destination's egress policy blocked it (status
     * {@code blocked}, {@code reason} as its last error): it is never sent, retried, dead-lettered or
     * replayed, and the lead's later messages to the destination are no longer held behind it. False
     * when the message is no longer as {@code delivery} read it.
     */
    boolean block(PendingDelivery delivery, String reason);

    /**
     * Puts a claimed message back to wait until {@code until} without counting an attempt (held by
     * the channel rules, TCPA-02/03), saying why; false when the claim was lost.
     */
    boolean defer(PendingDelivery delivery, Instant until, String reason);

    /** The messages of a workspace that were given up on, newest first. */
    List<DeadLetter> deadLetters(WorkspaceId workspace, int limit);

    /** Puts a dead-lettered message back to be delivered at {@code at}; false if there is no such dead letter. */
    boolean replay(WorkspaceId workspace, String messageId, Instant at);

    /** Every attempt at one message of a workspace, in order. */
    List<DeliveryAttempt> attempts(WorkspaceId workspace, String messageId);

    /** The status of one message of a workspace: pending, delivered, dead or blocked. */
    Optional<String> status(WorkspaceId workspace, String messageId);

    /** A message given up on, and its last error. */
    record DeadLetter(OutboundMessage message, int attempts, Optional<String> lastError) {
    }
}
