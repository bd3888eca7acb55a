package io.attune.core.audit;

import io.attune.core.workspace.WorkspaceId;
import java.util.Locale;
import java.util.Objects;

/** What verifying a workspace's chain found: intact up to its head, or broken at a named entry. */
public sealed interface AuditVerification permits AuditVerification.Intact, AuditVerification.Broken {

    WorkspaceId workspace();

    boolean intact();

    /** One line for people: what was verified, or where and how the chain is broken. */
    String describe();

    /** Every entry is as written, in order, with none missing, and the last is the recorded head. */
    record Intact(WorkspaceId workspace, long entries, AuditHead head) implements AuditVerification {
        public Intact {
            Objects.requireNonNull(workspace, "workspace");
            Objects.requireNonNull(head, "head");
        }

        @Override
        public boolean intact() {
            return true;
        }

        @Override
        public String describe() {
            return "intact: " + entries + (entries == 1 ? " entry" : " entries") + ", head " + head;
        }
    }

    /**
     * The first break: {@code sequence} names the entry that was changed, is missing, or is out of
     * place; {@code checked} entries before it were verified.
     */
    record Broken(WorkspaceId workspace, long sequence, Problem problem, String detail, long checked)
            implements AuditVerification {
        public Broken {
            Objects.requireNonNull(workspace, "workspace");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean intact() {
            return false;
        }

        @Override
        public String describe() {
            return "broken at entry " + sequence + " (" + problem.wireName() + "): " + detail;
        }
    }

    /** How a chain can be broken. */
    enum Problem {
        /** The entry's content (any column, its hash included) is not what was written. */
        EDITED,
        /** The entry does not follow the one before it: one of the two was replaced and re-hashed. */
        RELINKED,
        /** The entry was deleted: a gap in the sequence, a missing first entry, or a tail shorter than the head. */
        MISSING,
        /** The entry is out of sequence order, or a sequence number appears twice. */
        OUT_OF_ORDER,
        /** The entry is of another workspace. */
        FOREIGN,
        /** The entry was not appended by the log: it lies beyond the recorded head, or there is no head. */
        UNRECORDED,
        /** The last entry is not the one the recorded head names. */
        HEAD_MISMATCH,
        /** The entry is not the one an anchor (a head written down earlier) names. */
        ANCHOR_MISMATCH;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
