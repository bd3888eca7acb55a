package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Money;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.core.workspace.Role;
import io.attune.server.AttuneServer;
import io.attune.store.Store;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune outcomes import --url --key}: a CRM export, to a running server over real HTTP. */
class OutcomesImportOverHttpIT {
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
        recordLeads();
    }

    @AfterEach
    void stop() {
        server.close();
        store.writer().close();
        database.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.port();
    }

    private void recordLeads() {
        for (String[] file : List.of(new String[] {"leads", OutcomeFiles.LEADS_CSV, OutcomeFiles.LEADS_MAPPING},
                new String[] {"events", OutcomeFiles.EVENTS_CSV, OutcomeFiles.EVENTS_MAPPING})) {
            Cli.Run run = Cli.run("import", ImportFiles.write(directory, file[0] + ".csv", file[1]).toString(),
                    "--mapping", ImportFiles.write(directory, file[0] + ".yaml", file[2]).toString(),
                    "--url", url(), "--write-key", credentials.writeKey());
            assertThat(run.exit()).as(run.describe()).isZero();
        }
        assertThat(lead("P-1").stage()).isEqualTo(Stage.MQL);
        assertThat(lead("P-2").stage()).isEqualTo(Stage.LEAD);
    }

    private Cli.Run importOutcomes(Path csv) {
        return importOutcomes(csv, credentials.adminKey());
    }

    private Cli.Run importOutcomes(Path csv, String key) {
        return Cli.run("outcomes", "import", csv.toString(), "--mapping",
                ImportFiles.write(directory, "salesforce.yaml", OutcomeFiles.SALESFORCE_MAPPING).toString(),
                "--source", "salesforce", "--url", url(), "--key", key);
    }

    @Test
    void a_crm_export_is_stored_moves_the_leads_it_can_and_rejects_every_row_it_cannot_with_its_line() {
        Path csv = ImportFiles.write(directory, "opportunities.csv", OutcomeFiles.SALESFORCE_CSV);

        Cli.Run run = importOutcomes(csv);

        assertThat(run.exit()).as(run.describe()).isEqualTo(3);
        assertThat(run.out()).startsWith("11 rows read, 5 stored, 0 duplicates, 1 ignored, 5 rejected "
                + "(1 unknown leads, 4 invalid); written with line numbers and reasons to "
                + directory.resolve("opportunities.csv.rejects.csv"));
        assertThat(run.out()).contains("3 moved their lead's stage, 2 left it as it was");
        assertThat(run.out()).contains("  1: an SQL in Attune has budget, authority, need and timeline confirmed");
        assertThat(run.out()).contains("  1: cannot lost this lead: a lead cannot move from lead to recycled");
        List<List<String>> expected = new ArrayList<>();
        expected.add(OutcomeFiles.REJECT_HEADER);
        expected.addAll(OutcomeFiles.SALESFORCE_REJECTS);
        assertThat(ImportFiles.readCsv(directory.resolve("opportunities.csv.rejects.csv")))
                .containsExactlyElementsOf(expected);
        LeadState customer = lead("P-1");
        assertThat(customer.stage()).isEqualTo(Stage.CUSTOMER);
        assertThat(customer.sales().won()).contains(new Money(new BigDecimal("18400.5"), "USD"));
        assertThat(customer.sales().bant()).hasValueSatisfying(bant ->
                assertThat(bant.need()).isEqualTo("weekly therapy"));
        assertThat(lead("P-2").stage()).isEqualTo(Stage.LEAD);
        assertThat(outcomes()).containsExactly(
                "sql|null|null|00QA1|salesforce",
                "opportunity|null|null|006A1|salesforce",
                "won|18400.5|USD|006A1|salesforce",
                "lost|null|null|006G7|salesforce",
                "sql|null|null|00QH8|salesforce");
        List<String> senders = database.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT DISTINCT recorded_by FROM outcomes").mapTo(String.class).list());
        assertThat(senders).singleElement().satisfies(actor -> assertThat(actor).startsWith("key:"));
    }

    @Test
    void importing_the_same_export_again_stores_and_moves_nothing_twice() {
        Path csv = ImportFiles.write(directory, "opportunities.csv", OutcomeFiles.SALESFORCE_CSV);
        assertThat(importOutcomes(csv).exit()).isEqualTo(3);
        List<String> outcomes = outcomes();
        List<String> transitions = transitions();

        Cli.Run again = importOutcomes(csv);

        assertThat(again.out()).as(again.describe()).startsWith("11 rows read, 0 stored, 5 duplicates, 1 ignored, "
                + "5 rejected");
        assertThat(outcomes()).isEqualTo(outcomes);
        assertThat(transitions()).isEqualTo(transitions);
    }

    @Test
    void a_read_key_or_an_unknown_key_stops_the_import_with_a_message_and_stores_nothing() {
        Path csv = ImportFiles.write(directory, "opportunities.csv", OutcomeFiles.SALESFORCE_CSV);
        String readKey = store.workspaces().issueApiKey(credentials.workspace().id(), Role.READ, "dashboard",
                Instant.now());

        Cli.Run unknown = importOutcomes(csv, "ak_not_a_key");
        Cli.Run reader = importOutcomes(csv, readKey);

        assertThat(unknown.exit()).as(unknown.describe()).isEqualTo(1);
        assertThat(unknown.err()).contains("the server did not accept the API key");
        assertThat(reader.exit()).as(reader.describe()).isEqualTo(1);
        assertThat(reader.err()).contains("sending outcomes needs an admin key");
        assertThat(outcomes()).isEmpty();
    }

    private LeadState lead(String userId) {
        return store.queries().leadByIdentity(credentials.workspace().id(), new Identity(IdentityKind.USER_ID, userId))
                .orElseThrow();
    }

    /** Every stored outcome (status, amount, currency, CRM id, source) by when it occurred. */
    private List<String> outcomes() {
        return database.database().jdbi().withHandle(handle -> handle.createQuery("SELECT status || '|' || "
                + "coalesce(amount, 'null') || '|' || coalesce(currency, 'null') || '|' || coalesce(crm_id, 'null') "
                + "|| '|' || source FROM outcomes ORDER BY occurred_at").mapTo(String.class).list());
    }

    private List<String> transitions() {
        return database.database().jdbi().withHandle(handle -> handle.createQuery("SELECT lead_id || '|' || "
                + "to_stage || '|' || actor FROM transitions ORDER BY id").mapTo(String.class).list());
    }
}
