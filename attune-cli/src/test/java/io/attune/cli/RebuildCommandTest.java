package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune rebuild}: the projections recomputed from the event log come out exactly as they were. */
class RebuildCommandTest {
    /** Every projection row, every column, except the ids the database numbers itself. */
    private static final Map<String, String> PROJECTIONS = new LinkedHashMap<>();

    static {
        PROJECTIONS.put("leads", "SELECT workspace_id, lead_id, segment, stage, identified, account_id, model, fit, "
                + "eng_value, eng_as_of, eng_rate, first_seen, last_seen, events, updated_at FROM leads "
                + "ORDER BY workspace_id, lead_id");
        PROJECTIONS.put("identities", "SELECT * FROM identities ORDER BY workspace_id, kind, value");
        PROJECTIONS.put("lead_merges", "SELECT * FROM lead_merges ORDER BY workspace_id, from_lead");
        PROJECTIONS.put("accounts", "SELECT * FROM accounts ORDER BY workspace_id, account_id");
        PROJECTIONS.put("transitions", "SELECT workspace_id, lead_id, from_stage, to_stage, at, cause, actor "
                + "FROM transitions ORDER BY id");
    }

    @TempDir
    Path directory;

    @Test
    void rebuild_reproduces_every_projection_row_from_the_events() throws IOException {
        Path data = directory.resolve("data");
        Cli.Run created = Cli.run("workspace", "create", "Northwind Wellbeing", "--json", "--data", data.toString());
        String workspace = new ObjectMapper().readTree(created.out()).path("workspace").asText();
        importFile(data, workspace, "leads", ImportFiles.LEADS_CSV, ImportFiles.LEADS_MAPPING);
        importFile(data, workspace, "events", ImportFiles.EVENTS_CSV, ImportFiles.EVENTS_MAPPING);
        importFile(data, workspace, "more-events", """
                event_id,user_id,anonymous_id,event,occurred_at,webinar_type
                ev-10,C-1007,,Demo Requested,2025-03-13T09:00:00Z,
                ev-11,,visitor-77,Pricing Viewed,2025-03-13T09:05:00Z,
                ev-12,C-1002,visitor-77,Webinar Registered,2025-03-13T09:10:00Z,
                """, ImportFiles.EVENTS_MAPPING);
        DataDirectory store = new DataDirectory(data);
        Map<String, List<String>> before = dump(store);
        assertThat(before.get("leads")).hasSize(4);
        assertThat(before.get("lead_merges")).as("the visitor became C-1002").hasSize(1);
        assertThat(before.get("accounts")).isNotEmpty();

        Cli.Run run = Cli.run("rebuild", "--data", data.toString());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).isEqualTo(workspace + ": 10 events replayed, 4 leads\n");
        assertThat(dump(store)).isEqualTo(before);
    }

    private void importFile(Path data, String workspace, String name, String csv, String mapping) {
        Cli.Run run = Cli.run("import", ImportFiles.write(directory, name + ".csv", csv).toString(),
                "--mapping", ImportFiles.write(directory, name + ".yaml", mapping).toString(),
                "--workspace", workspace, "--data", data.toString());
        assertThat(run.exit()).as(run.describe()).isIn(0, 3);
    }

    private static Map<String, List<String>> dump(DataDirectory store) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        PROJECTIONS.forEach((table, sql) -> tables.put(table, store.rows(sql)));
        tables.put("lead states", store.leadStates());
        return tables;
    }
}
