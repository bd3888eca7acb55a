package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.lead.LeadState;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.server.AttuneServer;
import io.attune.store.Store;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune import --url --write-key}: the same files, to a running server over real HTTP. */
class ImportOverHttpIT {
    @TempDir
    Path directory;

    private TestDatabase database;
    private Store store;
    private AttuneServer server;
    private Credentials credentials;

    @BeforeEach
    void start() {
        Clock clock = Clock.systemUTC();
        database = TestDatabase.sqlite();
        store = Store.over(database.database(), WriterSettings.DEFAULTS, clock);
        credentials = store.workspaces().create("Northwind Wellbeing", Segment.CONSUMER, clock.instant());
        server = AttuneServer.start(store, "127.0.0.1", 0, clock);
    }

    @AfterEach
    void stop() {
        server.close();
        store.writer().close();
        database.close();
    }

    private Cli.Run importFile(Path csv, Path mapping, String writeKey) {
        return Cli.run("import", csv.toString(), "--mapping", mapping.toString(),
                "--url", "http://127.0.0.1:" + server.port(), "--write-key", writeKey);
    }

    @Test
    void rows_the_server_refuses_are_rejected_with_their_lines_like_rows_the_mapping_refuses() {
        Path csv = ImportFiles.write(directory, "leads.csv", ImportFiles.LEADS_CSV);

        Cli.Run run = importFile(csv, ImportFiles.write(directory, "leads.yaml", ImportFiles.LEADS_MAPPING),
                credentials.writeKey());

        assertThat(run.exit()).as(run.describe()).isEqualTo(3);
        assertThat(run.out()).startsWith("9 rows read, 4 imported, 5 rejected");
        List<List<String>> expected = new ArrayList<>();
        expected.add(ImportFiles.LEADS_REJECT_HEADER);
        expected.addAll(ImportFiles.LEADS_REJECTS);
        assertThat(ImportFiles.readCsv(directory.resolve("leads.csv.rejects.csv"))).containsExactlyElementsOf(expected);
        assertThat(eventCount()).isEqualTo(ImportFiles.LEADS_IMPORTED);
        assertThat(lead(IdentityKind.EMAIL, "ray.diaz@litware.com")).hasValueSatisfying(lead -> assertThat(
                lead.traits().attributes().asMap()).containsEntry("title", "Head of\nTotal Rewards"));
        assertThat(lead(IdentityKind.USER_ID, ImportFiles.OVERLONG_ID)).isEmpty();
    }

    @Test
    void importing_the_same_files_again_records_nothing_twice() {
        Path leads = ImportFiles.write(directory, "leads.csv", ImportFiles.LEADS_CSV);
        Path leadsMapping = ImportFiles.write(directory, "leads.yaml", ImportFiles.LEADS_MAPPING);
        Path events = ImportFiles.write(directory, "events.csv", ImportFiles.EVENTS_CSV);
        Path eventsMapping = ImportFiles.write(directory, "events.yaml", ImportFiles.EVENTS_MAPPING);
        assertThat(importFile(leads, leadsMapping, credentials.writeKey()).exit()).isEqualTo(3);
        Cli.Run firstEvents = importFile(events, eventsMapping, credentials.writeKey());
        assertThat(firstEvents.out()).as(firstEvents.describe()).startsWith("5 rows read, 3 imported, 2 rejected");
        List<String> before = recorded();

        Cli.Run leadsAgain = importFile(leads, leadsMapping, credentials.writeKey());
        Cli.Run eventsAgain = importFile(events, eventsMapping, credentials.writeKey());

        assertThat(leadsAgain.exit()).as(leadsAgain.describe()).isEqualTo(3);
        assertThat(eventsAgain.exit()).as(eventsAgain.describe()).isEqualTo(3);
        assertThat(recorded()).isEqualTo(before);
        assertThat(eventCount()).isEqualTo(ImportFiles.LEADS_IMPORTED + 3);
        assertThat(lead(IdentityKind.USER_ID, "C-1001")).map(LeadState::events).contains(3L);
    }

    @Test
    void an_unknown_write_key_stops_the_import_with_a_message() {
        Path csv = ImportFiles.write(directory, "leads.csv", ImportFiles.LEADS_CSV);

        Cli.Run run = importFile(csv, ImportFiles.write(directory, "leads.yaml", ImportFiles.LEADS_MAPPING),
                "wk_not_a_key");

        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).contains("the server did not accept the write key");
        assertThat(eventCount()).isZero();
    }

    private long eventCount() {
        return database.database().jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM events")
                .mapTo(Long.class).one());
    }

    /** Every event (id, lead, time) and every lead row: what an import changes. */
    private List<String> recorded() {
        return database.database().jdbi().withHandle(handle -> {
            List<String> rows = new ArrayList<>(handle.createQuery("SELECT message_id || '|' || lead_id || '|' || "
                    + "occurred_at FROM events ORDER BY seq").mapTo(String.class).list());
            rows.addAll(handle.createQuery("SELECT * FROM leads ORDER BY lead_id").map((rs, ctx) -> {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    cells.add(String.valueOf(rs.getObject(i)));
                }
                return String.join("|", cells);
            }).list());
            return rows;
        });
    }

    private Optional<LeadState> lead(IdentityKind kind, String value) {
        return store.queries().leadByIdentity(credentials.workspace().id(), new Identity(kind, value));
    }
}
