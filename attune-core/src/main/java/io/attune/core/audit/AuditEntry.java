package io.attune.core.audit;

import io.attune.core.lifecycle.Actor;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A record in its place in the workspace's chain: its sequence number (1, 2, 3… with no gaps), the
 * hash of the entry before it and its own hash, which covers all of it including that previous hash
 * ({@link AuditChain}). Changing, removing or reordering any entry breaks the chain from there on.
 */
public record AuditEntry(long sequence, AuditRecord record, String previousHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(record, "record");
        if (sequence < 1) {
            throw new IllegalArgumentException("a chain's sequence numbers start at 1");
        }
        AuditChain.requireHash(previousHash);
        AuditChain.requireHash(hash);
    }

    public WorkspaceId workspace() {
        return record.workspace();
    }

    public Instant at() {
        return record.at();
    }

    public Actor actor() {
        return record.actor();
    }

    public AuditAction action() {
        return record.action();
    }

    public Optional<AuditSubject> subject() {
        return record.subject();
    }

    public AuditDetails details() {
        return record.details();
    }

    /** Whether the hash is the hash of what the entry says now. */
    public boolean matchesItsHash() {
        return AuditChain.hash(sequence, record, previousHash).equals(hash);
    }

    /** The chain's head once this entry is its last. */
    public AuditHead head() {
        return new AuditHead(sequence, hash);
    }
}
