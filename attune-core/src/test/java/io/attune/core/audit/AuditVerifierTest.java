package io.attune.core.audit;

import static io.attune.core.audit.AuditChainTest.ACME;
import static io.attune.core.audit.AuditChainTest.LEE;
import static io.attune.core.audit.AuditChainTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.audit.AuditVerification.Broken;
import io.attune.core.audit.AuditVerification.Intact;
import io.attune.core.audit.AuditVerification.Problem;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditVerifierTest {
    private static final LeadId KIM = new LeadId("ld_" + "b".repeat(24));

    /** Five reads of Lee and Kim by one key, chained. */
    private static List<AuditEntry> chain() {
        List<AuditEntry> entries = new ArrayList<>();
        AuditHead head = AuditHead.EMPTY;
        for (int i = 0; i < 5; i++) {
            AuditEntry entry = head.next(AuditChainTest.read(i % 2 == 0 ? LEE : KIM, T0.plusSeconds(i)));
            entries.add(entry);
            head = entry.head();
        }
        return entries;
    }

    private static AuditVerification verify(List<AuditEntry> entries, Optional<AuditHead> head,
            AuditHead... anchors) {
        return AuditVerifier.verify(ACME, entries, head, List.of(anchors));
    }

    private static Optional<AuditHead> headOf(List<AuditEntry> entries) {
        return Optional.of(entries.get(entries.size() - 1).head());
    }

    /** The chain with entry {@code sequence}'s record changed but its hashes kept, as an UPDATE in SQL would. */
    private static List<AuditEntry> edited(List<AuditEntry> entries, long sequence, UnaryOperator<AuditRecord> edit) {
        List<AuditEntry> copy = new ArrayList<>(entries);
        AuditEntry entry = copy.get((int) sequence - 1);
        copy.set((int) sequence - 1, new AuditEntry(sequence, edit.apply(entry.record()), entry.previousHash(),
                entry.hash()));
        return copy;
    }

    private static void assertBroken(AuditVerification verification, long sequence, Problem problem) {
        assertThat(verification).isInstanceOf(Broken.class);
        Broken broken = (Broken) verification;
        assertThat(broken.sequence()).as(broken.describe()).isEqualTo(sequence);
        assertThat(broken.problem()).as(broken.describe()).isEqualTo(problem);
        assertThat(broken.detail()).contains("entr");
    }

    @Test
    void an_untouched_chain_is_intact_up_to_its_recorded_head() {
        List<AuditEntry> entries = chain();

        AuditVerification verification = verify(entries, headOf(entries), entries.get(2).head());

        assertThat(verification).isEqualTo(new Intact(ACME, 5, entries.get(4).head()));
        assertThat(verification.describe()).startsWith("intact: 5 entries, head 5:");
        assertThat(verify(List.of(), Optional.empty())).isEqualTo(new Intact(ACME, 0, AuditHead.EMPTY));
    }

    @Test
    void a_change_to_any_field_of_an_entry_names_that_entry_as_edited() {
        List<AuditEntry> entries = chain();
        Optional<AuditHead> head = headOf(entries);
        List<UnaryOperator<AuditRecord>> edits = List.of(
                r -> new AuditRecord(r.workspace(), r.at().plusMillis(1), r.actor(), r.action(), r.subject(),
                        r.details()),
                r -> new AuditRecord(r.workspace(), r.at(), new Actor.ApiKey("key_2"), r.action(), r.subject(),
                        r.details()),
                r -> new AuditRecord(r.workspace(), r.at(), r.actor(), AuditAction.CONSENT_CHANGED, r.subject(),
                        r.details()),
                r -> new AuditRecord(r.workspace(), r.at(), r.actor(), r.action(), Optional.of(AuditSubject.lead(KIM)),
                        r.details()),
                r -> new AuditRecord(r.workspace(), r.at(), r.actor(), r.action(), Optional.empty(), r.details()),
                r -> new AuditRecord(r.workspace(), r.at(), r.actor(), r.action(), r.subject(),
                        r.details().and("request", "req-2")));
        for (UnaryOperator<AuditRecord> edit : edits) {
            assertBroken(verify(edited(entries, 3, edit), head), 3, Problem.EDITED);
        }
        List<AuditEntry> rehashedOnly = new ArrayList<>(entries);
        AuditEntry third = entries.get(2);
        rehashedOnly.set(2, new AuditEntry(3, third.record(), third.previousHash(), "f".repeat(64)));
        assertBroken(verify(rehashedOnly, head), 3, Problem.EDITED);
        List<AuditEntry> relinkedOnly = new ArrayList<>(entries);
        relinkedOnly.set(2, new AuditEntry(3, third.record(), "e".repeat(64), third.hash()));
        assertBroken(verify(relinkedOnly, head), 3, Problem.EDITED);
    }

    @Test
    void a_deleted_entry_in_the_middle_or_at_the_start_is_named_as_missing() {
        List<AuditEntry> entries = chain();
        List<AuditEntry> withoutThird = new ArrayList<>(entries);
        withoutThird.remove(2);
        List<AuditEntry> withoutFirst = entries.subList(1, 5);

        assertBroken(verify(withoutThird, headOf(entries)), 3, Problem.MISSING);
        assertThat(verify(withoutThird, headOf(entries)).describe())
                .isEqualTo("broken at entry 3 (missing): entry 3 is missing (deleted): entry 4 follows entry 2");
        assertBroken(verify(withoutFirst, headOf(entries)), 1, Problem.MISSING);
    }

    @Test
    void a_deleted_tail_is_found_by_the_recorded_head_and_with_the_head_deleted_too_only_by_an_anchor() {
        List<AuditEntry> entries = chain();
        List<AuditEntry> withoutTail = entries.subList(0, 3);

        assertBroken(verify(withoutTail, headOf(entries)), 4, Problem.MISSING);
        assertThat(verify(withoutTail, headOf(withoutTail)).intact())
                .as("a tail deleted with its head record leaves a shorter chain that verifies").isTrue();
        assertBroken(verify(withoutTail, headOf(withoutTail), entries.get(4).head()), 4, Problem.MISSING);
        assertBroken(verify(entries, Optional.empty()), 1, Problem.UNRECORDED);
        assertBroken(verify(List.of(), headOf(entries)), 1, Problem.MISSING);
    }

    @Test
    void an_entry_replaced_and_rehashed_breaks_the_link_to_the_next_one() {
        List<AuditEntry> entries = chain();
        List<AuditEntry> forged = new ArrayList<>(entries);
        AuditEntry second = entries.get(1);
        forged.set(1, entries.get(0).head().next(AuditChainTest.read(KIM, second.at().plusSeconds(60))));

        assertBroken(verify(forged, headOf(entries)), 3, Problem.RELINKED);
    }

    @Test
    void a_replaced_last_entry_is_not_the_recorded_head_and_a_rewritten_chain_is_caught_by_an_anchor() {
        List<AuditEntry> entries = chain();
        List<AuditEntry> rewritten = new ArrayList<>(entries.subList(0, 2));
        for (int i = 2; i < 5; i++) {
            rewritten.add(rewritten.get(i - 1).head().next(AuditChainTest.read(KIM, T0.plusSeconds(100 + i))));
        }

        assertBroken(verify(rewritten, headOf(entries)), 5, Problem.HEAD_MISMATCH);
        assertThat(verify(rewritten, headOf(rewritten)).intact())
                .as("a chain rewritten with its head record verifies on its own").isTrue();
        assertBroken(verify(rewritten, headOf(rewritten), entries.get(3).head()), 4, Problem.ANCHOR_MISMATCH);
    }

    @Test
    void entries_out_of_order_twice_beyond_the_head_or_of_another_workspace_are_named() {
        List<AuditEntry> entries = chain();
        List<AuditEntry> repeated = new ArrayList<>(entries);
        repeated.add(3, entries.get(2));
        assertBroken(verify(repeated, headOf(entries)), 3, Problem.OUT_OF_ORDER);

        assertBroken(verify(entries, Optional.of(entries.get(2).head())), 4, Problem.UNRECORDED);

        AuditEntry foreign = AuditHead.EMPTY.next(AuditRecord.of(new WorkspaceId("globex"), T0,
                new Actor.System("x"), AuditAction.PHI_READ, AuditDetails.NONE));
        assertBroken(verify(List.of(foreign), Optional.of(foreign.head())), 1, Problem.FOREIGN);
    }

    @Test
    void an_entry_the_store_cannot_read_back_counts_as_edited() {
        List<AuditEntry> entries = chain();
        AuditVerifier verifier = new AuditVerifier(ACME, List.of());
        verifier.accept(entries.get(0));
        verifier.accept(entries.get(1));
        verifier.unreadable(3, "its action is not one the log writes");

        AuditVerification verification = verifier.finish(headOf(entries));

        assertBroken(verification, 3, Problem.EDITED);
        assertThat(((Broken) verification).checked()).isEqualTo(2);
    }
}
