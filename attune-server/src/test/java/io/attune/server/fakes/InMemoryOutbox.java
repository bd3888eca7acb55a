package io.attune.server.fakes;

import io.attune.core.handoff.DeliveryAttempt;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.handoff.Outbox;
import io.attune.core.handoff.PendingDelivery;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Outbox} in memory, with the real one's rules: messages are due in the order they were
 * written, one at a time per workspace, destination and lead; a claim leases a message until its
 * attempt is recorded; a failed attempt without a retry time dead-letters its message; a replay makes
 * a dead letter pending again with a fresh count of attempts, keeping the earlier ones on record; a
 * blocked message is final.
 * Tests write messages with {@link #add}, as the writer does in the transaction of a move. Thread-safe.
 */
public final class InMemoryOutbox implements Outbox {
    private static final String PENDING = "pending";
    private static final String DELIVERED = "delivered";
    private static final String DEAD = "dead";
    private static final String BLOCKED = "blocked";

    /** By message id, in the order written. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        private final WorkspaceId workspace;
        private final OutboundMessage message;
        private final int maxAttempts;
        private final List<DeliveryAttempt> attempts = new ArrayList<>();
        private String status = PENDING;
        private int tries;
        private Instant nextAttemptAt;
        private Optional<String> lastError = Optional.empty();

        private Entry(WorkspaceId workspace, OutboundMessage message, int maxAttempts) {
            this.workspace = workspace;
            this.message = message;
            this.maxAttempts = maxAttempts;
            this.nextAttemptAt = message.at();
        }

        private boolean pending() {
            return status.equals(PENDING);
        }

        private boolean sameQueue(Entry other) {
            return workspace.equals(other.workspace) && message.destination().equals(other.message.destination())
                    && message.subject().equals(other.message.subject());
        }
    }

    /**
     * Writes a message as the writer does: pending, due at its own time, not yet tried. A message id
     * already written is ignored, as the real outbox ignores it.
     */
    public synchronized void add(WorkspaceId workspace, OutboundMessage message, int maxAttempts) {
        entries.putIfAbsent(message.id(), new Entry(workspace, message, maxAttempts));
    }

    @Override
    public synchronized List<PendingDelivery> due(Instant now, int limit) {
        List<PendingDelivery> due = new ArrayList<>();
        List<Entry> waiting = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (due.size() == limit) {
                break;
            }
            if (!entry.pending()) {
                continue;
            }
            boolean behindAnother = waiting.stream().anyMatch(entry::sameQueue);
            waiting.add(entry);
            if (!behindAnother && !entry.nextAttemptAt.isAfter(now)) {
                due.add(new PendingDelivery(entry.workspace, entry.message, entry.tries, entry.maxAttempts));
            }
        }
        return due;
    }

    @Override
    public synchronized boolean claim(PendingDelivery delivery, Instant now, Instant leaseUntil) {
        Entry entry = entries.get(delivery.message().id());
        if (entry == null || !entry.pending() || entry.tries != delivery.attempts()
                || entry.nextAttemptAt.isAfter(now)) {
            return false;
        }
        entry.nextAttemptAt = leaseUntil;
        return true;
    }

    @Override
    public synchronized void attempted(DeliveryAttempt attempt, Optional<Instant> retryAt) {
        Entry entry = entries.get(attempt.messageId());
        if (entry == null) {
            throw new IllegalArgumentException("no message " + attempt.messageId() + " in the outbox");
        }
        entry.attempts.add(attempt);
        if (attempt.outcome() == DeliveryAttempt.Outcome.DELIVERED) {
            if (entry.pending()) {
                entry.status = DELIVERED;
                entry.tries = attempt.attempt();
                entry.lastError = Optional.empty();
            }
            return;
        }
        if (!entry.pending() || entry.tries != attempt.attempt() - 1) {
            // Only the attempt that claimed the message moves it on; a late one is history only.
            return;
        }
        entry.tries = attempt.attempt();
        entry.status = retryAt.isPresent() ? PENDING : DEAD;
        entry.nextAttemptAt = retryAt.orElse(attempt.at());
        entry.lastError = attempt.error().or(() -> attempt.status().isPresent()
                ? Optional.of("HTTP " + attempt.status().getAsInt()) : Optional.of("failed"));
    }

    @Override
    public synchronized boolean defer(PendingDelivery delivery, Instant until, String reason) {
        Entry entry = entries.get(delivery.message().id());
        if (entry == null || !entry.pending() || entry.tries != delivery.attempts()) {
            return false;
        }
        entry.nextAttemptAt = until;
        entry.lastError = Optional.of(reason);
        return true;
    }

    @Override
    public synchronized boolean block(PendingDelivery delivery, String reason) {
        Entry entry = entries.get(delivery.message().id());
        if (entry == null || !entry.pending() || entry.tries != delivery.attempts()) {
            return false;
        }
        entry.status = BLOCKED;
        entry.lastError = Optional.of(reason);
        return true;
    }

    @Override
    public synchronized List<DeadLetter> deadLetters(WorkspaceId workspace, int limit) {
        List<DeadLetter> dead = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.workspace.equals(workspace) && entry.status.equals(DEAD)) {
                dead.add(0, new DeadLetter(entry.message, entry.tries, entry.lastError));
            }
        }
        return List.copyOf(dead.subList(0, Math.min(limit, dead.size())));
    }

    @Override
    public synchronized boolean replay(WorkspaceId workspace, String messageId, Instant at) {
        Optional<Entry> entry = entry(workspace, messageId).filter(e -> e.status.equals(DEAD));
        entry.ifPresent(dead -> {
            dead.status = PENDING;
            dead.tries = 0;
            dead.nextAttemptAt = at;
        });
        return entry.isPresent();
    }

    @Override
    public synchronized List<DeliveryAttempt> attempts(WorkspaceId workspace, String messageId) {
        return entry(workspace, messageId).map(e -> List.copyOf(e.attempts)).orElseGet(List::of);
    }

    @Override
    public synchronized Optional<String> status(WorkspaceId workspace, String messageId) {
        return entry(workspace, messageId).map(e -> e.status);
    }

    private Optional<Entry> entry(WorkspaceId workspace, String messageId) {
        return Optional.ofNullable(entries.get(messageId)).filter(e -> e.workspace.equals(workspace));
    }
}
