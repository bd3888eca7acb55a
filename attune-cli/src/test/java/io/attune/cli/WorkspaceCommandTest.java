package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.workspace.Role;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceCommandTest {
    @TempDir
    Path data;

    private JsonNode create(String name, String... options) throws IOException {
        String[] args = Stream.concat(Stream.of("workspace", "create", name, "--json", "--data", data.toString()),
                Stream.of(options)).toArray(String[]::new);
        Cli.Run run = Cli.run(args);
        assertThat(run.exit()).as(run.describe()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void create_prints_the_workspace_and_both_keys_as_json() throws IOException {
        JsonNode created = create("Lakeside Counseling", "--segment", "employer");

        assertThat(created.path("workspace").asText()).isNotBlank();
        assertThat(created.path("name").asText()).isEqualTo("Lakeside Counseling");
        assertThat(created.path("defaultSegment").asText()).isEqualTo("employer");
        assertThat(created.path("writeKey").asText()).isNotBlank();
        assertThat(created.path("adminKey").asText()).isNotBlank().isNotEqualTo(created.path("writeKey").asText());
        assertThat(new DataDirectory(data).rows("SELECT workspace_id, name, default_segment FROM workspaces"))
                .containsExactly(created.path("workspace").asText() + "|Lakeside Counseling|employer");
    }

    @Test
    void the_store_keeps_only_hashes_of_the_keys() throws IOException {
        JsonNode created = create("Lakeside Counseling");
        String writeKey = created.path("writeKey").asText();
        String adminKey = created.path("adminKey").asText();
        DataDirectory store = new DataDirectory(data);

        List<String> workspaces = store.rows("SELECT * FROM workspaces");
        List<String> apiKeys = store.rows("SELECT * FROM api_keys");
        assertThat(workspaces).hasSize(1);
        assertThat(apiKeys).hasSize(1);
        assertThat(store.rows("SELECT write_key_hash FROM workspaces").get(0)).matches("[0-9a-f]{64}");
        assertThat(store.rows("SELECT key_hash FROM api_keys").get(0)).matches("[0-9a-f]{64}");
        assertThat(String.join("\n", workspaces) + String.join("\n", apiKeys))
                .doesNotContain(writeKey).doesNotContain(adminKey);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as("%s", file.getFileName()).doesNotContain(writeKey).doesNotContain(adminKey);
            }
        }
    }

    @Test
    void list_shows_workspaces_but_never_their_keys() throws IOException {
        JsonNode first = create("Lakeside Counseling");
        JsonNode second = create("Harbor Benefits", "--segment", "employer");

        Cli.Run run = Cli.run("workspace", "list", "--data", data.toString());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out().lines()).hasSize(2)
                .anySatisfy(line -> assertThat(line).contains(first.path("workspace").asText(), "Lakeside Counseling",
                        "default segment consumer"))
                .anySatisfy(line -> assertThat(line).contains(second.path("workspace").asText(), "Harbor Benefits",
                        "default segment employer"));
        for (JsonNode created : List.of(first, second)) {
            assertThat(run.out()).doesNotContain(created.path("writeKey").asText(), created.path("adminKey").asText());
        }
    }

    @Test
    void key_issues_a_clinician_key_that_authenticates_with_its_role() throws IOException {
        String workspace = create("Lakeside Counseling").path("workspace").asText();

        Cli.Run run = Cli.run("workspace", "key", "--workspace", workspace, "--role", "clinician", "--name",
                "on-call clinician", "--data", data.toString());

        assertThat(run.exit()).as(run.describe()).isZero();
        String key = run.out().lines().findFirst().orElseThrow().replaceFirst("^clinician key  ", "");
        try (Store store = Store.open(new StoreLocation.SqliteDirectory(data), WriterSettings.DEFAULTS,
                Clock.systemUTC())) {
            assertThat(store.workspaces().byApiKey(key)).hasValueSatisfying(principal -> {
                assertThat(principal.workspace().value()).isEqualTo(workspace);
                assertThat(principal.role()).isEqualTo(Role.CLINICIAN);
            });
        }
        assertThat(new DataDirectory(data).rows("SELECT key_hash FROM api_keys")).hasSize(2).noneMatch(key::equals);
    }

    @Test
    void key_refuses_an_unknown_role_naming_the_allowed_ones() throws IOException {
        String workspace = create("Lakeside Counseling").path("workspace").asText();

        Cli.Run run = Cli.run("workspace", "key", "--workspace", workspace, "--role", "superuser", "--name", "x",
                "--data", data.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("admin, read, clinician");
        assertThat(new DataDirectory(data).rows("SELECT key_hash FROM api_keys")).hasSize(1);
    }

    @Test
    void an_unknown_segment_is_refused_with_the_allowed_ones_and_creates_no_store() {
        Cli.Run run = Cli.run("workspace", "create", "Lakeside Counseling", "--segment", "hospital",
                "--data", data.toString());

        assertThat(run.exit()).as(run.describe()).isEqualTo(1);
        assertThat(run.err()).contains("--segment must be one of consumer, employer, payer, referral, community");
        assertThat(run.out()).isEmpty();
        assertThat(data.resolve("attune.db")).doesNotExist();
    }

    @Test
    void a_missing_name_is_a_usage_error() {
        Cli.Run run = Cli.run("workspace", "create", "--data", data.toString());

        assertThat(run.exit()).as(run.describe()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'NAME'");
    }
}
