package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune lint}: files checked with the standard copy rules, format by extension. */
class LintCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text);
    }

    @Test
    void blocking_findings_exit_3_with_one_line_each_pointing_into_the_file() throws IOException {
        Path page = write("landing.md", "# Help now\n\nOur **clinically proven** program. Only 2 beds left!\n");

        Cli.Run run = Cli.run("lint", page.toString());

        assertThat(run.exit()).as(run.describe()).isEqualTo(3);
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out().lines().toList().get(0))
                .startsWith(page + ":3:7: block CLAIM-01 proven \"clinically proven\" — ");
        assertThat(run.out().lines().toList().get(1)).startsWith(page + ":3:36: block CRISIS-06 scarcity");
        assertThat(run.out()).endsWith("1 file: 2 block, 0 warn, 0 info\n");
    }

    @Test
    void clean_copy_and_substantiated_claims_exit_0() throws IOException {
        Path sms = write("sms.txt", "Clinically proven[^rct-2024] care. Reply STOP to opt out.");
        Path email = write("email.html", "<p>Talk to a licensed therapist this week.</p>");

        Cli.Run run = Cli.run("lint", "-s", "rct-2024", sms.toString(), email.toString());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("info CLAIM-01 proven").endsWith("2 files: 0 block, 0 warn, 1 info\n");
    }

    @Test
    void json_output_is_one_document_with_each_file_its_format_and_findings() throws IOException {
        Path page = write("page.htm", "<p>We are <b>HIPAA certified</b>.</p>");
        Path notes = write("notes.txt", "Stress driving you nuts?");

        Cli.Run run = Cli.run("lint", "--format", "json", page.toString(), notes.toString());

        assertThat(run.exit()).as(run.describe()).isEqualTo(3);
        JsonNode output = JSON.readTree(run.out());
        assertThat(output.path("blocked").asBoolean()).isTrue();
        JsonNode first = output.path("files").get(0);
        assertThat(first.path("format").asText()).isEqualTo("html");
        assertThat(first.at("/findings/0/check").asText()).isEqualTo("hipaa-certified");
        assertThat(first.at("/findings/0/text").asText()).isEqualTo("HIPAA certified");
        assertThat(first.at("/findings/0/start/offset").asInt()).isEqualTo(13);
        JsonNode second = output.path("files").get(1);
        assertThat(second.path("format").asText()).isEqualTo("text");
        assertThat(second.at("/findings/0/suggestion").asText()).contains("overwhelmed");
    }

    @Test
    void the_format_option_overrides_the_extension() throws IOException {
        Path page = write("page.txt", "<img alt=\"HIPAA certified\">");

        assertThat(Cli.run("lint", page.toString()).exit()).isZero();
        assertThat(Cli.run("lint", "--as", "html", page.toString()).exit()).isEqualTo(3);
    }

    @Test
    void a_missing_file_or_a_bad_option_is_a_failure_not_a_finding() {
        assertThat(Cli.run("lint", directory.resolve("absent.md").toString()).exit()).isEqualTo(1);
        assertThat(Cli.run("lint", "--as", "pdf", "x.md").exit()).isEqualTo(1);
        assertThat(Cli.run("lint").exit()).isEqualTo(2);
    }

    @Test
    void an_output_format_other_than_text_or_json_is_a_bad_option_that_names_both() throws IOException {
        Path page = write("page.md", "Talk to someone today.");

        Cli.Run xml = Cli.run("lint", "--format", "xml", page.toString());
        Cli.Run upper = Cli.run("lint", "--format", "JSON", page.toString());

        assertThat(xml.exit()).as(xml.describe()).isEqualTo(2);
        assertThat(xml.err()).contains("--format").contains("[text, json]").contains("xml");
        assertThat(upper.exit()).as(upper.describe()).isZero();
        assertThat(upper.out()).startsWith("{");
    }
}
