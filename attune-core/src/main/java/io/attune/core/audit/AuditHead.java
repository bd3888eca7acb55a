package io.attune.core.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The end of a chain: the sequence number and hash of its last entry ({@link #EMPTY} before the
 * first). Written down outside the database, a head is an anchor: a later verification that is given
 * it proves the chain still holds that entry unchanged.
 */
public record AuditHead(long sequence, String hash) {
    /** The head of a chain with no entries; the first entry's previous hash is {@link AuditChain#GENESIS}. */
    public static final AuditHead EMPTY = new AuditHead(0, AuditChain.GENESIS);

    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,18}):([0-9a-f]{64})");

    public AuditHead {
        Objects.requireNonNull(hash, "hash");
        if (sequence < 0) {
            throw new IllegalArgumentException("a chain's sequence numbers start at 1");
        }
        AuditChain.requireHash(hash);
    }

    /** The entry that follows this head: {@code record} at the next sequence number, chained to this hash. */
    public AuditEntry next(AuditRecord record) {
        long sequence = this.sequence + 1;
        return new AuditEntry(sequence, record, hash, AuditChain.hash(sequence, record, hash));
    }

    /** {@code 42:3f2a…} (the sequence, a colon, the 64 hex digits of the hash), as {@link #toString()} writes it. */
    public static Optional<AuditHead> parse(String text) {
        var match = WRITTEN.matcher(text == null ? "" : text.trim());
        return match.matches() ? Optional.of(new AuditHead(Long.parseLong(match.group(1)), match.group(2)))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return sequence + ":" + hash;
    }
}
