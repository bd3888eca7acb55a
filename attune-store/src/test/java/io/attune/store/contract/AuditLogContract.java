package io.attune.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditEntry;
import io.attune.core.audit.AuditFilter;
import io.attune.core.audit.AuditHead;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.audit.AuditVerification;
import io.attune.core.audit.AuditVerification.Broken;
import io.attune.core.audit.AuditVerification.Intact;
import io.attune.core.audit.AuditVerification.Problem;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.audit.JdbcAuditLog;
import io.attune.store.testing.TestDatabase;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stored audit log: appends chain per workspace, concurrent appenders keep the chain whole, and
 * whatever is changed or deleted directly in SQL is found by verify, which names the entry. Run
 * against every engine by the subclasses.
 */
abstract class AuditLogContract {
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    static final Actor KEY = new Actor.ApiKey("key_reader");
    static final LeadId LEE = new LeadId("ld_" + "1".repeat(24));
    static final LeadId KIM = new LeadId("ld_" + "2".repeat(24));

    private TestDatabase database;
    private JdbcAuditLog log;
    private final AtomicInteger workspaces = new AtomicInteger();

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void open() {
        database = TestDatabase.create(engine());
        log = new JdbcAuditLog(database.database());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private WorkspaceId workspace() {
        return new WorkspaceId("ws-" + workspaces.incrementAndGet());
    }

    static AuditRecord read(WorkspaceId workspace, LeadId lead, int second) {
        return AuditRecord.of(workspace, T0.plusSeconds(second), KEY, AuditAction.PHI_READ, AuditSubject.lead(lead),
                AuditDetails.of("route", "GET /api/leads/{id}").and("request", "req-" + second));
    }

    /** A workspace with five entries: reads of Lee and Kim, a consent change and an egress decision. */
    private WorkspaceId fiveEntries() {
        WorkspaceId workspace = workspace();
        log.append(List.of(read(workspace, LEE, 1), read(workspace, KIM, 2)));
        log.append(AuditRecord.of(workspace, T0.plusSeconds(3), new Actor.System("ingestion"),
                AuditAction.CONSENT_CHANGED, AuditSubject.lead(LEE),
                AuditDetails.of("purpose", "email_marketing").and("state", "revoked")));
        log.append(AuditRecord.of(workspace, T0.plusSeconds(4), new Actor.System("dispatcher"),
                AuditAction.EGRESS_DECIDED, AuditSubject.message("msg_1"), AuditDetails.of("decision", "redacted")
                        .and("rules", List.of("TRK-04", "TRK-05")).and("fields", List.of("email", "page.url"))));
        log.append(read(workspace, LEE, 5));
        return workspace;
    }

    private void sql(String statement, Object... arguments) {
        database.database().jdbi().useHandle(handle -> handle.execute(statement, arguments));
    }

    private static void assertBroken(AuditVerification verification, long sequence, Problem problem) {
        assertThat(verification).isInstanceOf(Broken.class);
        Broken broken = (Broken) verification;
        assertThat(broken.sequence()).as(broken.describe()).isEqualTo(sequence);
        assertThat(broken.problem()).as(broken.describe()).isEqualTo(problem);
    }

    @Test
    void appends_are_chained_per_workspace_and_read_back_exactly() {
        WorkspaceId acme = workspace();
        WorkspaceId globex = workspace();
        List<AuditEntry> written = log.append(List.of(read(acme, LEE, 1), read(globex, KIM, 1), read(acme, KIM, 2)));
        AuditEntry egress = log.append(AuditRecord.of(acme, T0.plusMillis(2500), new Actor.System("dispatcher"),
                AuditAction.EGRESS_DECIDED, AuditDetails.of("decision", "blocked").and("rules", List.of())));

        assertThat(written).extracting(AuditEntry::sequence).containsExactly(1L, 1L, 2L);
        assertThat(written.get(2).previousHash()).isEqualTo(written.get(0).hash());
        assertThat(egress.sequence()).isEqualTo(3);
        assertThat(egress.previousHash()).isEqualTo(written.get(2).hash());
        assertThat(log.entries(acme, AuditFilter.ALL, Optional.empty(), 10).items())
                .containsExactly(written.get(0), written.get(2), egress);
        assertThat(log.verify(acme)).isEqualTo(new Intact(acme, 3, egress.head()));
        assertThat(log.verify(globex)).isEqualTo(new Intact(globex, 1, written.get(1).head()));
        assertThat(log.verify(workspace())).as("no log yet").isInstanceOf(Intact.class);
        assertThat(log.workspaces()).contains(acme, globex);
    }

    @Test
    void entries_are_filtered_by_action_subject_actor_and_time_and_paged_by_sequence() {
        WorkspaceId workspace = fiveEntries();

        assertThat(log.entries(workspace, new AuditFilter(Optional.of(AuditAction.PHI_READ),
                Optional.of(AuditSubject.lead(LEE)), Optional.empty(), Optional.empty()), Optional.empty(), 10).items())
                .extracting(AuditEntry::sequence).containsExactly(1L, 5L);
        assertThat(log.entries(workspace, new AuditFilter(Optional.empty(), Optional.empty(),
                Optional.of(new Actor.System("dispatcher")), Optional.of(T0.plusSeconds(2))), Optional.empty(), 10)
                .items()).extracting(AuditEntry::sequence).containsExactly(4L);
        List<Long> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<AuditEntry> page = log.entries(workspace, AuditFilter.ALL, cursor, 2);
            page.items().forEach(entry -> paged.add(entry.sequence()));
            cursor = page.next();
        } while (cursor.isPresent());
        assertThat(paged).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThatThrownBy(() -> log.entries(workspace, AuditFilter.ALL, Optional.of("bm90LWEtY3Vyc29y"), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_update_of_any_column_of_an_entry_is_found_and_the_entry_named() {
        String where = " WHERE workspace_id = ? AND seq = 3";
        List<String> edits = List.of(
                "UPDATE audit_log SET recorded_at = recorded_at + 1" + where,
                "UPDATE audit_log SET actor = 'key:key_other'" + where,
                "UPDATE audit_log SET actor = 'ingestion'" + where,
                "UPDATE audit_log SET action = 'phi.read'" + where,
                "UPDATE audit_log SET action = 'PHI READ'" + where,
                "UPDATE audit_log SET subject = 'lead:" + KIM.value() + "'" + where,
                "UPDATE audit_log SET subject = NULL" + where,
                "UPDATE audit_log SET details = '{\"purpose\":[\"email_marketing\"],\"state\":[\"given\"]}'" + where,
                "UPDATE audit_log SET details = '{\"purpose\": [\"email_marketing\"], \"state\": [\"revoked\"]}'"
                        + where,
                "UPDATE audit_log SET prev_hash = '" + "0".repeat(64) + "'" + where,
                "UPDATE audit_log SET hash = '" + "f".repeat(64) + "'" + where);
        for (String edit : edits) {
            WorkspaceId workspace = fiveEntries();
            sql(edit, workspace.value());
            assertBroken(log.verify(workspace), 3, Problem.EDITED);
        }
        WorkspaceId renumbered = fiveEntries();
        sql("UPDATE audit_log SET seq = 103" + where, renumbered.value());
        assertBroken(log.verify(renumbered), 3, Problem.MISSING);
        WorkspaceId moved = fiveEntries();
        WorkspaceId elsewhere = fiveEntries();
        sql("DELETE FROM audit_log WHERE workspace_id = ? AND seq = 3", elsewhere.value());
        sql("UPDATE audit_log SET workspace_id = ?" + where, elsewhere.value(), moved.value());
        assertBroken(log.verify(moved), 3, Problem.MISSING);
        assertBroken(log.verify(elsewhere), 3, Problem.EDITED);
    }

    @Test
    void a_deleted_entry_in_the_middle_at_the_start_or_at_the_end_is_found_and_named() {
        WorkspaceId middle = fiveEntries();
        sql("DELETE FROM audit_log WHERE workspace_id = ? AND seq = 3", middle.value());
        assertBroken(log.verify(middle), 3, Problem.MISSING);
        assertThat(log.verify(middle).describe()).contains("entry 3 is missing");

        WorkspaceId first = fiveEntries();
        sql("DELETE FROM audit_log WHERE workspace_id = ? AND seq = 1", first.value());
        assertBroken(log.verify(first), 1, Problem.MISSING);

        WorkspaceId tail = fiveEntries();
        sql("DELETE FROM audit_log WHERE workspace_id = ? AND seq >= 4", tail.value());
        assertBroken(log.verify(tail), 4, Problem.MISSING);
        assertThat(log.verify(tail).describe()).contains("entries 4 to 5 are missing (deleted from the end)");

        WorkspaceId everything = fiveEntries();
        sql("DELETE FROM audit_log WHERE workspace_id = ?", everything.value());
        assertBroken(log.verify(everything), 1, Problem.MISSING);

        WorkspaceId headless = fiveEntries();
        sql("DELETE FROM audit_heads WHERE workspace_id = ?", headless.value());
        assertBroken(log.verify(headless), 1, Problem.UNRECORDED);
    }

    @Test
    void a_tail_deleted_together_with_its_head_record_is_found_only_against_an_anchor() {
        WorkspaceId workspace = fiveEntries();
        AuditHead anchor = ((Intact) log.verify(workspace)).head();
        AuditEntry fourth = log.entries(workspace, AuditFilter.ALL, Optional.empty(), 5).items().get(3);
        sql("DELETE FROM audit_log WHERE workspace_id = ? AND seq = 5", workspace.value());
        sql("UPDATE audit_heads SET seq = 4, hash = ? WHERE workspace_id = ?", fourth.hash(), workspace.value());

        assertThat(log.verify(workspace).intact()).as("what a database administrator can hide from the database")
                .isTrue();
        assertBroken(log.verify(workspace, List.of(anchor)), 5, Problem.MISSING);
    }

    @Test
    void a_row_inserted_beyond_the_head_is_unrecorded_and_the_log_refuses_to_append_over_it() {
        WorkspaceId workspace = fiveEntries();
        AuditEntry fifth = log.entries(workspace, AuditFilter.ALL, Optional.empty(), 5).items().get(4);
        AuditEntry forged = fifth.head().next(AuditRecord.of(workspace, T0.plusSeconds(6), KEY, AuditAction.PHI_READ,
                AuditDetails.NONE));
        sql("INSERT INTO audit_log (workspace_id, seq, recorded_at, actor, action, subject, details, prev_hash, hash) "
                + "VALUES (?, 6, ?, ?, 'phi.read', NULL, '{}', ?, ?)", workspace.value(), forged.at().toEpochMilli(),
                KEY.describe(), forged.previousHash(), forged.hash());

        assertBroken(log.verify(workspace), 6, Problem.UNRECORDED);
        assertThatThrownBy(() -> log.append(read(workspace, KIM, 9))).isInstanceOf(RuntimeException.class);
        assertThat(log.entries(workspace, AuditFilter.ALL, Optional.empty(), 10).items()).hasSize(6);
    }

    @Test
    void concurrent_appenders_each_get_the_next_sequence_and_the_chain_verifies() throws Exception {
        WorkspaceId busy = workspace();
        WorkspaceId quiet = workspace();
        int threads = 6;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<AuditEntry>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<AuditEntry>> appender = () -> {
                    start.await();
                    List<AuditEntry> mine = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        // every third append also writes to a second workspace, in the same transaction
                        List<AuditRecord> records = round % 3 == 0
                                ? List.of(read(busy, LEE, thread * 1000 + round), read(quiet, KIM, round),
                                        read(busy, KIM, thread * 1000 + round))
                                : List.of(read(busy, LEE, thread * 1000 + round));
                        mine.addAll(log.append(records));
                    }
                    return mine;
                };
                futures.add(pool.submit(appender));
            }
            start.countDown();
            List<AuditEntry> all = new ArrayList<>();
            for (Future<List<AuditEntry>> future : futures) {
                all.addAll(future.get(120, TimeUnit.SECONDS));
            }
            long busyCount = all.stream().filter(entry -> entry.workspace().equals(busy)).count();
            assertThat(all.stream().filter(entry -> entry.workspace().equals(busy)).map(AuditEntry::sequence)
                    .distinct().count()).as("no sequence number given twice").isEqualTo(busyCount);
            AuditVerification verification = log.verify(busy);
            assertThat(verification).as(verification.describe()).isInstanceOf(Intact.class);
            assertThat(((Intact) verification).entries()).isEqualTo(busyCount);
            assertThat(log.verify(quiet).intact()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void appends_in_a_callers_transaction_are_kept_or_dropped_with_it() throws Exception {
        WorkspaceId workspace = workspace();
        log.append(read(workspace, LEE, 1));
        try (Connection connection = database.database().connection()) {
            connection.setAutoCommit(false);
            JdbcAuditLog.appendIn(connection, List.of(read(workspace, KIM, 2)));
            connection.rollback();
            connection.setAutoCommit(true);
        }
        AuditEntry next = log.append(read(workspace, KIM, 3));

        assertThat(next.sequence()).isEqualTo(2);
        assertThat(log.verify(workspace)).isEqualTo(new Intact(workspace, 2, next.head()));
    }
}
