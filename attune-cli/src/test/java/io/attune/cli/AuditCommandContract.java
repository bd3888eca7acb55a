package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditEntry;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code attune audit verify} against a real store whose log was written through the store, then
 * tampered with in SQL. Run against every engine by the subclasses.
 */
abstract class AuditCommandContract {
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    private TestDatabase database;
    private Store store;
    private WorkspaceId northside;
    private WorkspaceId lakeside;
    private List<AuditEntry> written;
    private AuditEntry lakesideEntry;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void twoWorkspacesWithLogs() {
        database = TestDatabase.create(engine());
        store = Store.over(database.database(), WriterSettings.DEFAULTS, Clock.fixed(T0, ZoneOffset.UTC));
        northside = store.workspaces().create("Northside Behavioral Health", Segment.CONSUMER, T0).workspace().id();
        lakeside = store.workspaces().create("Lakeside Counseling", Segment.CONSUMER, T0).workspace().id();
        written = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            written.add(store.audit().append(read(northside, i)));
        }
        lakesideEntry = store.audit().append(read(lakeside, 1));
    }

    @AfterEach
    void closeStore() {
        store.writer().close();
        database.close();
    }

    private static AuditRecord read(WorkspaceId workspace, int i) {
        return AuditRecord.of(workspace, T0.plusSeconds(i), new Actor.ApiKey("key_intake"), AuditAction.PHI_READ,
                AuditSubject.lead(new LeadId("ld_" + Integer.toString(i).repeat(24))),
                AuditDetails.of("route", "GET /api/leads/{id}"));
    }

    private void sql(String statement, Object... arguments) {
        database.database().jdbi().useHandle(handle -> handle.execute(statement, arguments));
    }

    /** The arguments followed by {@code --data DIR} or {@code --db URL} for this test's store. */
    private String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (database.location() instanceof StoreLocation.SqliteDirectory sqlite) {
            all.addAll(List.of("--data", sqlite.directory().toString()));
        } else {
            all.addAll(List.of("--db", ((StoreLocation.JdbcUrl) database.location()).url()));
        }
        return all.toArray(String[]::new);
    }

    @Test
    void an_intact_log_exits_zero_and_prints_each_workspaces_head() {
        Cli.Run run = Cli.run(args("audit", "verify"));

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out().lines()).contains(
                northside + ": intact: 5 entries, head 5:" + written.get(4).hash(),
                lakeside + ": intact: 1 entry, head 1:" + lakesideEntry.hash());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void a_tampered_row_exits_non_zero_naming_the_workspace_and_the_entry() {
        sql("UPDATE audit_log SET subject = ? WHERE workspace_id = ? AND seq = 3",
                "lead:ld_" + "9".repeat(24), northside.value());

        Cli.Run run = Cli.run(args("audit", "verify"));

        assertThat(run.exit()).as(run.describe()).isEqualTo(AuditCommand.BROKEN);
        assertThat(run.out().lines()).contains(northside + ": broken at entry 3 (edited): entry 3 does not match its "
                + "hash: it was changed after it was written");
        assertThat(run.out().lines()).anyMatch(line -> line.startsWith(lakeside + ": intact"));
        assertThat(run.err()).isEqualTo("attune: the audit log of workspace " + northside
                + " is broken at entry 3 (edited)" + System.lineSeparator());
        Cli.Run other = Cli.run(args("audit", "verify", "--workspace", lakeside.value()));
        assertThat(other.exit()).as(other.describe()).isZero();
    }

    @Test
    void a_deleted_entry_is_named_and_a_tail_deleted_with_its_head_is_caught_by_an_anchor() {
        String anchor = "5:" + written.get(4).hash();
        sql("DELETE FROM audit_log WHERE workspace_id = ? AND seq = 1", lakeside.value());
        sql("DELETE FROM audit_log WHERE workspace_id = ? AND seq = 5", northside.value());
        sql("UPDATE audit_heads SET seq = 4, hash = ? WHERE workspace_id = ?", written.get(3).hash(),
                northside.value());

        Cli.Run deleted = Cli.run(args("audit", "verify", "--workspace", lakeside.value()));
        Cli.Run hidden = Cli.run(args("audit", "verify", "--workspace", northside.value()));
        Cli.Run anchored = Cli.run(args("audit", "verify", "--workspace", northside.value(), "--anchor", anchor));

        assertThat(deleted.exit()).as(deleted.describe()).isEqualTo(AuditCommand.BROKEN);
        assertThat(deleted.out()).contains(lakeside + ": broken at entry 1 (missing): entry 1 is missing (deleted from "
                + "the end): the head records 1 entry");
        assertThat(hidden.exit()).as("the database alone cannot tell: " + hidden.describe()).isZero();
        assertThat(anchored.exit()).as(anchored.describe()).isEqualTo(AuditCommand.BROKEN);
        assertThat(anchored.out()).contains(northside + ": broken at entry 5 (missing)");
        assertThat(anchored.err()).contains("broken at entry 5 (missing)");
    }

    @Test
    void wrong_usage_and_a_missing_store_or_workspace_are_refused() throws Exception {
        Cli.Run anchorAlone = Cli.run(args("audit", "verify", "--anchor", "5:" + written.get(4).hash()));
        assertThat(anchorAlone.exit()).as(anchorAlone.describe()).isEqualTo(2);
        assertThat(anchorAlone.err()).contains("--anchor goes with --workspace");
        Cli.Run badAnchor = Cli.run(args("audit", "verify", "--workspace", northside.value(), "--anchor", "5:xyz"));
        assertThat(badAnchor.exit()).as(badAnchor.describe()).isEqualTo(2);
        Cli.Run unknown = Cli.run(args("audit", "verify", "--workspace", "nope"));
        assertThat(unknown.exit()).as(unknown.describe()).isEqualTo(1);
        assertThat(unknown.err()).contains("no workspace nope in this store");
        Path empty = Files.createTempDirectory("attune-no-store-");
        Cli.Run noStore = Cli.run("audit", "verify", "--data", empty.toString());
        assertThat(noStore.exit()).as(noStore.describe()).isEqualTo(1);
        assertThat(noStore.err()).contains("no Attune store in");
        assertThat(Files.list(empty)).as("nothing created").isEmpty();
        Files.delete(empty);
    }
}
