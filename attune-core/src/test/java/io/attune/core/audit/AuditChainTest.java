package io.attune.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.identity.Digests;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    static final WorkspaceId ACME = new WorkspaceId("acme");
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    static final LeadId LEE = new LeadId("ld_" + "a".repeat(24));

    static AuditRecord read(LeadId lead, Instant at) {
        return AuditRecord.of(ACME, at, new Actor.ApiKey("key_1"), AuditAction.PHI_READ, AuditSubject.lead(lead),
                AuditDetails.of("route", "GET /api/leads/{id}").and("request", "req-1"));
    }

    @Test
    void the_first_entry_follows_the_genesis_hash_and_each_next_one_the_hash_before_it() {
        AuditEntry first = AuditHead.EMPTY.next(read(LEE, T0));
        AuditEntry second = first.head().next(read(LEE, T0.plusSeconds(1)));

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isNotEqualTo(first.hash()).matches("[0-9a-f]{64}");
        assertThat(first.matchesItsHash()).isTrue();
    }

    @Test
    void the_canonical_form_is_length_prefixed_fields_so_anyone_can_recompute_a_hash() {
        AuditRecord record = AuditRecord.of(ACME, T0, new Actor.ApiKey("key_1"), AuditAction.EGRESS_DECIDED,
                AuditSubject.message("msg_1"), AuditDetails.of("rules", List.of("TRK-01", "TRK-05"))
                        .and("destination", "meta-ads"));

        String canonical = AuditChain.canonical(7, record, AuditChain.GENESIS);

        assertThat(canonical).isEqualTo("attune-audit-v1\n4:acme\n1:7\n13:" + T0.toEpochMilli() + "\n9:key:key_1\n"
                + "14:egress.decided\n13:message:msg_1\n1:2\n11:destination\n1:1\n8:meta-ads\n5:rules\n1:2\n6:TRK-01\n"
                + "6:TRK-05\n64:" + AuditChain.GENESIS + "\n");
        assertThat(AuditChain.hash(7, record, AuditChain.GENESIS)).isEqualTo(Digests.sha256Hex(canonical));
    }

    @Test
    void fields_cannot_run_into_each_other_to_forge_the_same_hash() {
        AuditRecord split = AuditRecord.of(ACME, T0, new Actor.System("a"), AuditAction.PHI_READ,
                AuditDetails.of("k", List.of("x", "1:y")));
        AuditRecord joined = AuditRecord.of(ACME, T0, new Actor.System("a"), AuditAction.PHI_READ,
                AuditDetails.of("k", List.of("x:1", "y")));

        assertThat(AuditChain.hash(1, split, AuditChain.GENESIS)).isNotEqualTo(AuditChain.hash(1, joined,
                AuditChain.GENESIS));
    }

    @Test
    void time_is_kept_to_the_millisecond_as_it_is_stored() {
        AuditRecord record = read(LEE, T0.plusNanos(1_234_567));

        assertThat(record.at()).isEqualTo(T0.plusMillis(1));
    }

    @Test
    void details_are_ordered_by_name_and_refuse_what_is_not_an_id_or_a_name() {
        AuditDetails details = AuditDetails.of("zeta", "1").and("alpha", List.of("b", "a"));

        assertThat(details.values().keySet()).containsExactly("alpha", "zeta");
        assertThat(details.get("alpha")).containsExactly("b", "a");
        assertThatThrownBy(() -> AuditDetails.of("Bad Key", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditDetails.of("note", "line\nbreak")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditDetails.of("note", "x".repeat(501))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actions_subjects_and_heads_are_checked_and_read_back() {
        assertThat(new AuditAction("lead.exported").name()).isEqualTo("lead.exported");
        assertThatThrownBy(() -> new AuditAction("PHI read")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditAction("read")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditSubject.parse("lead:" + LEE.value())).contains(AuditSubject.lead(LEE));
        assertThat(AuditSubject.parse("no colon")).isEmpty();
        assertThat(AuditSubject.parse("lead:has space")).isEmpty();
        AuditHead head = AuditHead.EMPTY.next(read(LEE, T0)).head();
        assertThat(AuditHead.parse(head.toString())).contains(head);
        assertThat(AuditHead.parse("1:abc")).isEmpty();
    }

    @Test
    void the_in_memory_log_chains_per_workspace_and_pages_by_sequence() {
        InMemoryAuditLog log = new InMemoryAuditLog();
        WorkspaceId globex = new WorkspaceId("globex");
        log.append(List.of(read(LEE, T0), read(LEE, T0.plusSeconds(1))));
        AuditEntry other = log.append(AuditRecord.of(globex, T0, new Actor.System("dispatcher"),
                AuditAction.EGRESS_DECIDED, AuditDetails.of("decision", "blocked")));
        log.append(read(LEE, T0.plusSeconds(2)));

        assertThat(other.sequence()).as("each workspace has its own chain").isEqualTo(1);
        var first = log.entries(ACME, AuditFilter.ALL, Optional.empty(), 2);
        assertThat(first.items()).extracting(AuditEntry::sequence).containsExactly(1L, 2L);
        assertThat(log.entries(ACME, AuditFilter.ALL, first.next(), 2).items()).extracting(AuditEntry::sequence)
                .containsExactly(3L);
        assertThat(log.verify(ACME)).isInstanceOf(AuditVerification.Intact.class)
                .extracting(v -> ((AuditVerification.Intact) v).head().sequence()).isEqualTo(3L);
        assertThat(log.verify(globex).intact()).isTrue();
    }
}
