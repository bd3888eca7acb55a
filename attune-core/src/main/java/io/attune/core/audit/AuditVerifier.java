package io.attune.core.audit;

import io.attune.core.audit.AuditVerification.Broken;
import io.attune.core.audit.AuditVerification.Problem;
import io.attune.core.workspace.WorkspaceId;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Verifies one workspace's chain, entry by entry in sequence order, so that a chain of any length
 * is checked in constant memory. It stops at the first break and names that entry: one whose content
 * does not match its hash (edited), one that does not follow its predecessor (relinked), a gap in the
 * sequence or a tail shorter than the recorded head (missing), one out of order, of another
 * workspace, or beyond the recorded head (unrecorded). Anchors (heads written down earlier, elsewhere)
 * must each still be in the chain with the same hash: they catch what the database alone cannot, a
 * tail deleted together with its head record, or a chain rewritten from some entry on.
 */
public final class AuditVerifier {
    private final WorkspaceId workspace;
    private final TreeMap<Long, String> anchors = new TreeMap<>();
    private AuditHead last = AuditHead.EMPTY;
    private long checked;
    private Broken broken;

    public AuditVerifier(WorkspaceId workspace, Collection<AuditHead> anchors) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        for (AuditHead anchor : anchors) {
            String earlier = this.anchors.putIfAbsent(anchor.sequence(), anchor.hash());
            if (earlier != null && !earlier.equals(anchor.hash())) {
                throw new IllegalArgumentException("two anchors name entry " + anchor.sequence()
                        + " with different hashes");
            }
        }
    }

    /** The whole verification of {@code entries} (in the order stored) against the head the log recorded. */
    public static AuditVerification verify(WorkspaceId workspace, Iterable<AuditEntry> entries,
            Optional<AuditHead> recordedHead, Collection<AuditHead> anchors) {
        AuditVerifier verifier = new AuditVerifier(workspace, anchors);
        for (AuditEntry entry : entries) {
            if (!verifier.accept(entry)) {
                break;
            }
        }
        return verifier.finish(recordedHead);
    }

    /** Checks the next entry; false once the chain is broken (later entries need not be read). */
    public boolean accept(AuditEntry entry) {
        if (broken != null) {
            return false;
        }
        long sequence = entry.sequence();
        long expected = last.sequence() + 1;
        if (!entry.workspace().equals(workspace)) {
            return fail(sequence, Problem.FOREIGN, "entry " + sequence + " belongs to workspace " + entry.workspace());
        }
        if (sequence < expected) {
            return fail(sequence, Problem.OUT_OF_ORDER, "entry " + sequence + " comes after entry " + last.sequence()
                    + ": the entries are out of order or a sequence number appears twice");
        }
        if (sequence > expected) {
            return fail(expected, Problem.MISSING, missing(expected, sequence - 1) + " (deleted): entry "
                    + sequence + " follows entry " + last.sequence());
        }
        if (!entry.matchesItsHash()) {
            return fail(sequence, Problem.EDITED, "entry " + sequence
                    + " does not match its hash: it was changed after it was written");
        }
        if (!entry.previousHash().equals(last.hash())) {
            return fail(sequence, Problem.RELINKED, sequence == 1
                    ? "entry 1 does not start the chain: entries before it were removed or it was replaced"
                    : "entry " + sequence + " does not follow entry " + last.sequence() + ": its previous hash is not "
                            + "the hash of entry " + last.sequence() + ", so one of them was replaced and re-hashed");
        }
        String anchored = anchors.get(sequence);
        if (anchored != null && !anchored.equals(entry.hash())) {
            return fail(sequence, Problem.ANCHOR_MISMATCH, "entry " + sequence + " is not the entry anchored as "
                    + sequence + ":" + anchored + ": the chain was rewritten from there or earlier");
        }
        last = entry.head();
        checked++;
        return true;
    }

    /**
     * Reports an entry that could not be read as an entry at all (a column changed to something the
     * log never writes); it counts as edited.
     */
    public boolean unreadable(long sequence, String why) {
        if (broken != null) {
            return false;
        }
        if (sequence > last.sequence() + 1) {
            return fail(last.sequence() + 1, Problem.MISSING, missing(last.sequence() + 1, sequence - 1)
                    + " (deleted): entry " + sequence + " follows entry " + last.sequence());
        }
        return fail(sequence, Problem.EDITED, "entry " + sequence + " was changed after it was written: " + why);
    }

    /** The verdict, once every entry was given, against the head the log recorded (empty when it has none). */
    public AuditVerification finish(Optional<AuditHead> recordedHead) {
        if (broken != null) {
            return broken;
        }
        Map.Entry<Long, String> beyond = anchors.higherEntry(last.sequence());
        if (beyond != null) {
            return failed(last.sequence() + 1, Problem.MISSING, missing(last.sequence() + 1, beyond.getKey())
                    + " (deleted): entry " + beyond.getKey() + " was anchored, but the chain ends at entry "
                    + last.sequence());
        }
        if (recordedHead.isEmpty()) {
            return last.sequence() == 0 ? new AuditVerification.Intact(workspace, 0, last)
                    : failed(1, Problem.UNRECORDED, "the log has entries 1 to " + last.sequence()
                            + " but no record of its head: the head was deleted, or the entries were not appended "
                            + "by the log");
        }
        AuditHead head = recordedHead.get();
        if (head.sequence() > last.sequence()) {
            return failed(last.sequence() + 1, Problem.MISSING, missing(last.sequence() + 1, head.sequence())
                    + " (deleted from the end): the head records " + entries(head.sequence()));
        }
        if (head.sequence() < last.sequence()) {
            return failed(head.sequence() + 1, Problem.UNRECORDED, "entries " + (head.sequence() + 1) + " to "
                    + last.sequence() + " lie beyond the recorded head " + head.sequence()
                    + ": they were not appended by the log");
        }
        if (!head.hash().equals(last.hash())) {
            return failed(last.sequence(), Problem.HEAD_MISMATCH, "entry " + last.sequence()
                    + " is not the entry the head records: it was replaced");
        }
        return new AuditVerification.Intact(workspace, checked, last);
    }

    private boolean fail(long sequence, Problem problem, String detail) {
        failed(sequence, problem, detail);
        return false;
    }

    private Broken failed(long sequence, Problem problem, String detail) {
        broken = new Broken(workspace, sequence, problem, detail, checked);
        return broken;
    }

    private static String entries(long count) {
        return count == 1 ? "1 entry" : count + " entries";
    }

    private static String missing(long from, long to) {
        return from == to ? "entry " + from + " is missing" : "entries " + from + " to " + to + " are missing";
    }
}
