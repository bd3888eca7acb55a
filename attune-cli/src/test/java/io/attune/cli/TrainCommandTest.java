package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune train} on a messy, semicolon-separated export with a planted post-outcome column. */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private Path csv;

    @BeforeEach
    void writeExport() throws IOException {
        Random random = new Random(11);
        StringBuilder text = new StringBuilder("contact_id;page_views;lead_source;budget;call_outcome;Converted\n");
        String[] sources = {"Referral", "Search", "Select", "Event", "N/A"};
        for (int row = 0; row < 900; row++) {
            int views = random.nextInt(30);
            String source = sources[random.nextInt(sources.length)];
            double budget = random.nextDouble() * 50_000;
            double logit = -2 + 0.1 * views + (source.equals("Referral") ? 1.2 : 0) + budget / 40_000;
            boolean converted = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            String budgetText = random.nextInt(20) == 0 ? "unknown" : String.format(Locale.ROOT, "\"$%,.0f\"", budget);
            // Filled in by sales after the call: the outcome itself, give or take a typo.
            String outcome = converted ^ random.nextInt(60) == 0 ? "Booked" : "No answer";
            text.append(String.join(";", "C-" + row, random.nextInt(25) == 0 ? "" : String.valueOf(views), source,
                    budgetText, outcome, converted ? "1" : "0")).append('\n');
        }
        csv = Files.writeString(directory.resolve("crm export.csv"), text.toString());
    }

    @Test
    void json_output_has_held_out_figures_for_each_model_and_the_leak() throws IOException {
        Path report = directory.resolve("report.html");
        Cli.Run run = Cli.run("train", "--csv", csv.toString(), "--label", "Converted", "--id", "contact_id",
                "--format", "json", "--report", report.toString(), "--capacity", "20", "--weekly-leads", "200");

        assertThat(run.exit()).as(run.describe()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.path("rows").asInt()).isEqualTo(900);
        assertThat(result.path("positiveValue").asText()).isEqualTo("1");
        assertThat(result.path("heldOutRows").asInt()).isEqualTo(270);
        assertThat(result.path("models")).extracting(model -> model.path("model").asText())
                .containsExactly("logistic", "gbt");
        for (JsonNode model : result.path("models")) {
            assertThat(model.path("rocAuc").asDouble()).isBetween(0.6, 0.95);
            assertThat(model.path("accuracy").asDouble()).isBetween(0.5, 1.0);
            assertThat(model.path("crossValidation").path("foldRocAucs")).hasSize(5);
            assertThat(model.path("topHeldOutLeads").get(0).path("id").asText()).startsWith("C-");
        }
        assertThat(result.path("leakage").path("dropped")).extracting(finding -> finding.path("column").asText())
                .containsExactly("call_outcome");
        assertThat(result.path("columns")).filteredOn(column -> column.path("name").asText().equals("budget"))
                .singleElement().satisfies(column -> assertThat(column.path("role").asText()).isEqualTo("numeric"));
        assertThat(result.path("threshold").path("weeklyLeads").asInt()).isEqualTo(200);
        assertThat(result.path("threshold").path("flaggedShare").asDouble()).isBetween(0.05, 0.1);

        String html = Files.readString(report);
        assertThat(html).contains("<svg ", "call_outcome", "Threshold trade-off").doesNotContain("<script");
    }

    @Test
    void text_output_names_the_models_the_leak_and_the_advice() {
        Cli.Run run = Cli.run("train", "--csv", csv.toString(), "--label", "Converted", "--sep", ";",
                "--target-precision", "0.6");

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("crm export.csv: 900 labelled rows").contains("logistic ").contains("gbt ")
                .containsPattern("dropped +call_outcome +0\\.9[5-9]\\d")
                .contains("threshold (");
    }

    @Test
    void capacity_without_the_weekly_volume_is_refused_with_what_is_missing() {
        Cli.Run run = Cli.run("train", "--csv", csv.toString(), "--label", "Converted", "--capacity", "20");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("--capacity needs --weekly-leads");
    }

    @Test
    void a_label_column_that_is_not_there_is_named() {
        Cli.Run run = Cli.run("train", "--csv", csv.toString(), "--label", "won");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no column 'won'").contains("Converted");
    }
}
