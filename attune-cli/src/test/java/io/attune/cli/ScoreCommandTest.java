package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune score}: messages scored offline with the starter models, read at a fixed {@code --now}. */
class ScoreCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A person looking for care (insurance page, identify in California with in-network insurance,
     * insurance check, booking), a benefits leader at a large self-insured employer who requests a demo,
     * an anonymous blog reader; a blank line, a line cut short and a message without any id.
     */
    private static final String EVENTS = """
            {"type":"page","messageId":"m-1","anonymousId":"browser-1","timestamp":"2025-05-01T10:00:00Z","properties":{"path":"/insurance"}}
            {"type":"identify","messageId":"m-2","anonymousId":"browser-1","userId":"p-1","timestamp":"2025-05-01T10:01:00Z","traits":{"state":"CA","age":34,"insuranceInNetwork":true,"email":"jordan.lee@gmail.com"}}
            {"type":"track","messageId":"m-3","userId":"p-1","event":"Insurance Check Completed","timestamp":"2025-05-01T10:02:00Z"}

            {"type":"track","messageId":"m-4","userId":"p-1","event":"Appointment Booked","timestamp":"2025-05-01T10:05:00Z"}
            {"type":"track","userId":"p-2",
            {"type":"identify","messageId":"m-6","userId":"e-1","timestamp":"2025-05-01T11:00:00Z","traits":{"title":"VP Benefits","segment":"employer","email":"jo.reyes@acme-corp.com"}}
            {"type":"group","messageId":"m-7","userId":"e-1","groupId":"acme","timestamp":"2025-05-01T11:01:00Z","traits":{"name":"Acme Corp","employees":6000,"selfInsured":true}}
            {"type":"track","messageId":"m-8","userId":"e-1","event":"Demo Requested","timestamp":"2025-05-01T11:02:00Z"}
            {"type":"track","messageId":"m-9","event":"Webinar Attended","timestamp":"2025-05-01T11:03:00Z"}
            {"type":"page","messageId":"m-10","anonymousId":"browser-9","timestamp":"2025-05-01T11:30:00Z","properties":{"path":"/blog/sleep-and-stress"}}
            """;

    @TempDir
    Path directory;

    private Cli.Run score(String... options) throws IOException {
        Path events = Files.writeString(directory.resolve("events.ndjson"), EVENTS);
        List<String> args = new ArrayList<>(List.of("score", events.toString(), "--now", "2025-05-01T12:00:00Z"));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void each_lead_is_scored_by_the_starter_model_of_its_segment() throws IOException {
        Cli.Run run = score("--format", "json");

        assertThat(run.exit()).as(run.describe()).isEqualTo(3);
        List<JsonNode> leads = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            leads.add(JSON.readTree(line));
        }
        assertThat(leads).hasSize(3);
        assertThat(leads).extracting(lead -> lead.path("lead").asText()).isSorted();

        JsonNode person = only(leads, "userId:p-1");
        assertThat(person.path("identities")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("anonymousId:browser-1", "userId:p-1", "email:jordan.lee@gmail.com");
        assertThat(person.path("segment").asText()).isEqualTo("consumer");
        assertThat(person.path("model").asText()).isEqualTo("consumer-starter@1");
        assertThat(person.path("stage").asText()).isEqualTo("mql");
        // licensed state 15 + adult 10 + in network 15 + reachable 5; insurance page 8 + check 20 + booking 30,
        // two hours old: a decay of 0.03%, which rounds away
        assertThat(person.path("fit").asDouble()).isEqualTo(45.0);
        assertThat(person.path("engagement").asDouble()).isEqualTo(58.0);
        assertThat(person.path("score").asDouble()).isEqualTo(103.0);
        assertThat(person.path("qualified").asBoolean()).isTrue();
        assertThat(person.path("topReasons")).extracting(JsonNode::asText).containsExactly(
                "appointment_booked +30.0", "insurance_check_completed +20.0", "licensed_state +15.0");

        JsonNode buyer = only(leads, "userId:e-1");
        assertThat(buyer.path("segment").asText()).isEqualTo("employer");
        assertThat(buyer.path("model").asText()).isEqualTo("employer-starter@1");
        assertThat(buyer.path("stage").asText()).isEqualTo("mql");
        // VP Benefits 25 + 5,000+ employees 20 + self-insured 15; demo requested 40
        assertThat(buyer.path("fit").asDouble()).isEqualTo(60.0);
        assertThat(buyer.path("engagement").asDouble()).isEqualTo(40.0);
        assertThat(buyer.path("because").asText()).isEqualTo("score 100.0 reached threshold 95.0");

        JsonNode reader = only(leads, "anonymousId:browser-9");
        assertThat(reader.path("stage").asText()).isEqualTo("subscriber");
        assertThat(reader.path("score").asDouble()).as("nothing tells the reader's state: the strictest law holds")
                .isZero();
        assertThat(reader.path("withheld")).extracting(JsonNode::asText).containsExactly("STATE-02", "STATE-05");
        assertThat(reader.path("qualified").asBoolean()).isFalse();
        assertThat(person.path("withheld")).as("California has no such law").isEmpty();
    }

    @Test
    void a_workspace_that_collects_only_outside_those_states_may_score_consumers_of_unknown_state() throws IOException {
        Cli.Run run = score("--format", "json", "--unknown-jurisdiction", "not_covered");

        JsonNode reader = run.out().lines().map(ScoreCommandTest::read)
                .filter(lead -> lead.path("identities").toString().contains("anonymousId:browser-9")).findFirst()
                .orElseThrow();
        assertThat(reader.path("score").asDouble()).isEqualTo(1.0);
        assertThat(reader.path("withheld")).isEmpty();
        assertThat(score("--unknown-jurisdiction", "anywhere").exit()).isNotZero();
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void bad_lines_are_reported_on_stderr_with_their_line_numbers_and_exit_3() throws IOException {
        Cli.Run run = score("--format", "json");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err().lines()).containsExactly(
                "line 6: not valid JSON (column 32)",
                "line 10: userId is required when anonymousId is absent");
        assertThat(run.err()).as("errors never quote the messages").doesNotContain("p-2");
    }

    @Test
    void the_text_format_prints_one_line_per_lead() throws IOException {
        Cli.Run run = score();

        assertThat(run.out().lines()).hasSize(3).anySatisfy(line -> assertThat(line)
                .contains("employer", "mql", "score  100.0 (fit  60.0 + engagement  40.0)", "demo_requested +40.0"));
    }

    @Test
    void a_file_without_bad_lines_exits_0() throws IOException {
        String clean = EVENTS.lines().filter(line -> line.contains("messageId") && !line.contains("\"m-9\""))
                .map(line -> line + "\n").reduce("", String::concat);
        Path events = Files.writeString(directory.resolve("clean.ndjson"), clean);

        Cli.Run run = Cli.run("score", events.toString(), "--now", "2025-05-01T12:00:00Z");

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.err()).isEmpty();
    }

    private static JsonNode only(List<JsonNode> leads, String identity) {
        List<JsonNode> matching = leads.stream().filter(lead -> lead.path("identities").toString()
                .contains("\"" + identity + "\"")).toList();
        assertThat(matching).as("leads with %s", identity).hasSize(1);
        return matching.get(0);
    }
}
