package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune outcomes import} straight into a store ({@code --workspace} and {@code --data}). */
class OutcomesImportCommandTest {
    /** The conventional columns, so no mapping is needed. */
    private static final String OUTCOMES_CSV = """
            crm_id,user_id,email,status,at,amount,currency,budget,authority,need,timeline
            00Q1,,riley.chen@fastmail.com,sql,2026-03-02,,,self-pay approved,the patient decides,weekly therapy,soon
            006A,P-1,,opportunity,2026-03-09T10:00:00Z,2400,EUR,,,,
            006A,P-1,,won,2026-03-20,2400,EUR,,,,
            """;

    @TempDir
    Path directory;

    private DataDirectory data;
    private String workspace;

    @BeforeEach
    void createWorkspaceWithLeads() throws IOException {
        data = new DataDirectory(directory.resolve("data"));
        Cli.Run created = Cli.run("workspace", "create", "Northwind Wellbeing", "--json", "--data",
                data.path().toString());
        assertThat(created.exit()).as(created.describe()).isZero();
        workspace = new ObjectMapper().readTree(created.out()).path("workspace").asText();
        for (String[] file : List.of(new String[] {"leads", OutcomeFiles.LEADS_CSV, OutcomeFiles.LEADS_MAPPING},
                new String[] {"events", OutcomeFiles.EVENTS_CSV, OutcomeFiles.EVENTS_MAPPING})) {
            Cli.Run run = Cli.run("import", ImportFiles.write(directory, file[0] + ".csv", file[1]).toString(),
                    "--mapping", ImportFiles.write(directory, file[0] + ".yaml", file[2]).toString(),
                    "--workspace", workspace, "--data", data.path().toString());
            assertThat(run.exit()).as(run.describe()).isZero();
        }
    }

    private Cli.Run importOutcomes(String csv) {
        return Cli.run("outcomes", "import", ImportFiles.write(directory, "outcomes.csv", csv).toString(),
                "--workspace", workspace, "--data", data.path().toString());
    }

    @Test
    void conventional_columns_need_no_mapping_and_the_import_is_the_actor_of_the_moves() {
        Cli.Run run = importOutcomes(OUTCOMES_CSV);

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).startsWith("3 rows read, 3 stored, 0 duplicates, 0 ignored, 0 rejected "
                + "(0 unknown leads, 0 invalid)\n3 moved their lead's stage, 0 left it as it was");
        assertThat(data.rows("SELECT stage FROM leads l JOIN identities i ON i.lead_id = l.lead_id "
                + "WHERE i.kind = 'USER_ID' AND i.value = 'P-1'")).containsExactly("customer");
        assertThat(data.rows("SELECT to_stage, actor FROM transitions ORDER BY id")).endsWith(
                "sql|system:outcomes-import", "opportunity|system:outcomes-import",
                "customer|system:outcomes-import");
        assertThat(data.rows("SELECT status, amount, currency, source, recorded_by FROM outcomes "
                + "ORDER BY occurred_at")).containsExactly("sql|null|null|csv|system:outcomes-import",
                "opportunity|2400|EUR|csv|system:outcomes-import", "won|2400|EUR|csv|system:outcomes-import");
        assertThat(ImportFiles.readCsv(directory.resolve("outcomes.csv.rejects.csv"))).containsExactly(
                List.of("line", "reason", "crm_id", "user_id", "email", "status", "at", "amount", "currency", "budget",
                        "authority", "need", "timeline"));
    }

    @Test
    void without_a_mapping_a_csv_lacking_the_conventional_columns_is_refused_before_any_row() {
        Cli.Run run = importOutcomes("""
                Id,Email,StageName,CloseDate
                006A,riley.chen@fastmail.com,Closed Won,2026-03-20
                """);

        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).contains("without --mapping the CSV needs the columns [lead_id, user_id or email, "
                + "status, at]");
        assertThat(data.count("outcomes")).isZero();
    }
}
