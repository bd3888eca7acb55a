package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.event.EventKind;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.lead.LeadState;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune import} straight into a store ({@code --workspace} and {@code --data}). */
class ImportCommandTest {
    @TempDir
    Path directory;

    private Path data;
    private String workspace;

    @BeforeEach
    void createWorkspace() throws IOException {
        data = directory.resolve("data");
        Cli.Run run = Cli.run("workspace", "create", "Northwind Wellbeing", "--json", "--data", data.toString());
        assertThat(run.exit()).as(run.describe()).isZero();
        workspace = new ObjectMapper().readTree(run.out()).path("workspace").asText();
    }

    private Cli.Run importFile(Path csv, Path mapping) {
        return Cli.run("import", csv.toString(), "--mapping", mapping.toString(), "--workspace", workspace,
                "--data", data.toString());
    }

    private Path leadsCsv() {
        return ImportFiles.write(directory, "leads.csv", ImportFiles.LEADS_CSV);
    }

    private Path leadsMapping() {
        return ImportFiles.write(directory, "leads.yaml", ImportFiles.LEADS_MAPPING);
    }

    @Test
    void every_bad_row_is_rejected_with_its_line_and_reason_and_the_good_ones_are_recorded() {
        Path csv = leadsCsv();

        Cli.Run run = importFile(csv, leadsMapping());

        assertThat(run.exit()).as(run.describe()).isEqualTo(3);
        Path rejects = directory.resolve("leads.csv.rejects.csv");
        assertThat(run.out()).isEqualTo("9 rows read, 4 imported, 5 rejected (written with line numbers and reasons to "
                + rejects + ")\n");
        List<List<String>> expected = new ArrayList<>();
        expected.add(ImportFiles.LEADS_REJECT_HEADER);
        expected.addAll(ImportFiles.LEADS_REJECTS);
        assertThat(ImportFiles.readCsv(rejects)).containsExactlyElementsOf(expected);

        assertThat(new DataDirectory(data).count("events")).isEqualTo(ImportFiles.LEADS_IMPORTED);
        LeadState dana = lead(IdentityKind.USER_ID, "C-1001").orElseThrow();
        assertThat(lead(IdentityKind.EMAIL, "dana.okafor@northwind-traders.com")).map(LeadState::id)
                .contains(dana.id());
        assertThat(dana.segment()).isEqualTo(Segment.EMPLOYER);
        Map<String, Object> traits = dana.traits().attributes().asMap();
        assertThat(traits).containsEntry("title", "VP, Benefits").containsEntry("company", "Northwind Traders, Inc.")
                .containsEntry("selfInsured", true).containsEntry("segment", "employer");
        assertThat(((Number) traits.get("employees")).intValue()).isEqualTo(2400);
        assertThat(((Number) lead(IdentityKind.USER_ID, "C-1002").orElseThrow().traits().attributes().asMap()
                .get("employees")).intValue()).as("a quoted number with a thousands comma").isEqualTo(1200);
        assertThat(lead(IdentityKind.USER_ID, "C-1007").orElseThrow().traits().attributes().asMap())
                .containsEntry("title", "Head of\nTotal Rewards");
        assertThat(lead(IdentityKind.USER_ID, "C-1009").orElseThrow().firstSeen())
                .hasToString("2025-03-10T09:46:40Z");
        assertThat(lead(IdentityKind.USER_ID, "C-1004")).as("a rejected row records nothing").isEmpty();
    }

    @Test
    void importing_the_same_file_again_records_nothing_twice() {
        Path csv = leadsCsv();
        Path mapping = leadsMapping();
        assertThat(importFile(csv, mapping).exit()).isEqualTo(3);
        List<String> before = recorded();

        Cli.Run again = importFile(csv, mapping);

        assertThat(again.exit()).as(again.describe()).isEqualTo(3);
        assertThat(recorded()).isEqualTo(before);
        assertThat(ImportFiles.readCsv(directory.resolve("leads.csv.rejects.csv"))).hasSize(1
                + ImportFiles.LEADS_REJECTS.size());
    }

    @Test
    void a_file_without_bad_rows_exits_0_and_leaves_an_empty_reject_file() {
        Path csv = ImportFiles.write(directory, "clean.csv", """
                crm_id,email,title,company,employees,self_insured,created_at
                C-2001,jo.ng@fabrikam.com,Benefits Manager,Fabrikam,650,no,2025-04-01
                C-2002,li.wu@fabrikam.com,CFO,Fabrikam,650,no,2025-04-02
                """);

        Cli.Run run = importFile(csv, leadsMapping());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).isEqualTo("2 rows read, 2 imported, 0 rejected\n");
        assertThat(ImportFiles.readCsv(directory.resolve("clean.csv.rejects.csv")))
                .containsExactly(ImportFiles.LEADS_REJECT_HEADER);
        assertThat(new DataDirectory(data).count("events")).isEqualTo(2);
    }

    @Test
    void wide_rows_are_sent_in_batches_small_enough_to_be_accepted() {
        // 600 rows of about 1.6 KB each: 500 of them in one request would pass the 500 KB batch limit
        StringBuilder csv = new StringBuilder("crm_id,email,title,company,employees,self_insured,created_at\n");
        for (int i = 1; i <= 600; i++) {
            csv.append("W-").append(i).append(",,\"").append("Benefits Manager, ".repeat(90)).append("\",Woodgrove,")
                    .append(100 + i).append(",no,2025-04-01\n");
        }
        Path file = ImportFiles.write(directory, "wide.csv", csv.toString());

        Cli.Run run = importFile(file, leadsMapping());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).startsWith("600 rows read, 600 imported, 0 rejected");
        assertThat(new DataDirectory(data).count("events")).isEqualTo(600);
    }

    @Test
    void events_land_on_the_leads_their_ids_name() {
        assertThat(importFile(leadsCsv(), leadsMapping()).exit()).isEqualTo(3);
        Path events = ImportFiles.write(directory, "events.csv", ImportFiles.EVENTS_CSV);

        Cli.Run run = importFile(events, ImportFiles.write(directory, "events.yaml", ImportFiles.EVENTS_MAPPING));

        assertThat(run.exit()).as(run.describe()).isEqualTo(3);
        assertThat(run.out()).startsWith("5 rows read, 3 imported, 2 rejected");
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("line", "reason", "event_id", "user_id", "anonymous_id", "event", "occurred_at",
                "webinar_type"));
        expected.addAll(ImportFiles.EVENTS_REJECTS);
        assertThat(ImportFiles.readCsv(directory.resolve("events.csv.rejects.csv")))
                .containsExactlyElementsOf(expected);
        LeadState dana = lead(IdentityKind.USER_ID, "C-1001").orElseThrow();
        assertThat(tracks(dana)).containsExactly("ev-1|Webinar Attended", "ev-2|ROI Calculator Completed");
        assertThat(dana.events()).isEqualTo(3);
        assertThat(lead(IdentityKind.ANONYMOUS_ID, "visitor-77")).hasValueSatisfying(visitor -> {
            assertThat(visitor.events()).isEqualTo(1);
            assertThat(visitor.identified()).isFalse();
        });
    }

    @Test
    void a_mapping_that_names_a_column_the_file_lacks_imports_nothing() {
        Path mapping = ImportFiles.write(directory, "wrong.yaml", ImportFiles.LEADS_MAPPING.replace("title: title",
                "title: job_title"));

        Cli.Run run = importFile(leadsCsv(), mapping);

        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).contains("the mapping names columns the header lacks: [job_title]");
        assertThat(new DataDirectory(data).count("events")).isZero();
    }

    @Test
    void a_server_and_a_store_together_are_refused() {
        Cli.Run run = Cli.run("import", leadsCsv().toString(), "--mapping", leadsMapping().toString(),
                "--workspace", workspace, "--data", data.toString(),
                "--url", "http://127.0.0.1:9", "--write-key", "wk");

        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).contains("send to a running server with --url and --write-key, or into a store with "
                + "--workspace");
    }

    /** Every event (id, lead, time) and every lead row: what an import changes. */
    private List<String> recorded() {
        DataDirectory store = new DataDirectory(data);
        List<String> rows = new ArrayList<>(store.rows("SELECT message_id, lead_id, kind, occurred_at FROM events "
                + "ORDER BY seq"));
        rows.addAll(store.rows("SELECT * FROM leads ORDER BY lead_id"));
        return rows;
    }

    /** The lead's track events as message id and name, read back through the store (they are sealed at rest). */
    private List<String> tracks(LeadState lead) {
        try (Store store = Store.open(new StoreLocation.SqliteDirectory(data), WriterSettings.DEFAULTS,
                Clock.systemUTC())) {
            return store.queries().history(new WorkspaceId(workspace), lead.id()).stream()
                    .filter(event -> event.kind() == EventKind.TRACK)
                    .map(event -> event.messageId().value() + "|" + event.name()).toList();
        }
    }

    private Optional<LeadState> lead(IdentityKind kind, String value) {
        try (Store store = Store.open(new StoreLocation.SqliteDirectory(data), WriterSettings.DEFAULTS,
                Clock.systemUTC())) {
            return store.queries().leadByIdentity(new WorkspaceId(workspace), new Identity(kind, value));
        }
    }
}
