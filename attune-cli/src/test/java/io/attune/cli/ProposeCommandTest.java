package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.event.Attributes;
import io.attune.core.event.Event;
import io.attune.core.event.EventHeader;
import io.attune.core.event.Identify;
import io.attune.core.event.MessageId;
import io.attune.core.event.Track;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.lifecycle.Actor;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.core.model.StoredModel;
import io.attune.core.outcome.Outcome;
import io.attune.core.outcome.OutcomeSource;
import io.attune.core.outcome.OutcomeStatus;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attune propose} over a SQLite store: consumers who identified, half of whom reached SQL (nearly
 * all of them after an insurance check) and half of whom were lost (nearly none of them after one).
 */
class ProposeCommandTest {
    private static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");

    @TempDir
    Path directory;

    private String store(int leads) throws Exception {
        Path data = directory.resolve("data");
        try (Store store = Store.open(new StoreLocation.SqliteDirectory(data), WriterSettings.DEFAULTS,
                Clock.systemUTC())) {
            WorkspaceId id = store.workspaces().create("Lakeside Counseling", Segment.CONSUMER, T0).workspace().id();
            List<IncomingEvent> events = new ArrayList<>();
            for (int i = 0; i < leads; i++) {
                boolean converted = i < leads / 2;
                int withinClass = converted ? i : i - leads / 2;
                events.add(incoming(new Identify(header("i" + i, "p" + i, T0), Attributes.of(Map.of(
                        "email", "p" + i + "@example.org", "state", "CA", "age", 40)))));
                if (converted ? withinClass < leads / 2 - 2 : withinClass < 2) {
                    events.add(incoming(new Track(header("t" + i, "p" + i, T0.plusSeconds(60)),
                            "Insurance Check Completed", Attributes.EMPTY)));
                }
            }
            ((EventIntake.Admitted) store.writer().submit(id, events)).recorded().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < leads; i++) {
                var lead = store.queries().leadByIdentity(id, new Identity(IdentityKind.USER_ID, "p" + i)).orElseThrow();
                outcomes.add(new Outcome(lead.id(), i < leads / 2 ? OutcomeStatus.SQL : OutcomeStatus.LOST,
                        T0.plus(Duration.ofDays(2)), Optional.empty(), Optional.empty(), OutcomeSource.API,
                        new Actor.System("test"), T0.plus(Duration.ofDays(2))));
            }
            store.outcomes().store(id, outcomes);
            return id.value();
        }
    }

    private static IncomingEvent incoming(Event event) {
        return new IncomingEvent(event, "{\"messageId\":\"" + event.messageId().value() + "\"}");
    }

    private static EventHeader header(String message, String user, Instant at) {
        return new EventHeader(new MessageId(message), user, null, at, at, Attributes.EMPTY);
    }

    @Test
    void a_proposal_stores_a_draft_written_by_the_cli_and_reports_it_as_json_and_html() throws Exception {
        String workspace = store(40);
        Path report = directory.resolve("proposal.html");

        Cli.Run run = Cli.run("propose", "--workspace", workspace, "--data", directory.resolve("data").toString(),
                "--from", "consumer-starter@1", "--as-of", "2026-11-01", "--seed", "7", "--format", "json",
                "--report", report.toString());

        assertThat(run.exit()).as(run.describe()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("draft").asText()).isEqualTo("consumer-starter@2");
        assertThat(result.at("/counts/positives").asInt()).isEqualTo(20);
        assertThat(result.at("/counts/negatives").asInt()).isEqualTo(20);
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("<svg", "Held-out ROC AUC",
                "insurance_check_completed", "consumer-starter@2");
        try (Store store = Store.open(new StoreLocation.SqliteDirectory(directory.resolve("data")),
                WriterSettings.DEFAULTS, Clock.systemUTC())) {
            StoredModel draft = store.models().model(new WorkspaceId(workspace), ModelVersion.parse("consumer-starter@2"))
                    .orElseThrow();
            assertThat(draft.status()).isEqualTo("draft");
            assertThat(draft.review().author()).contains("key:" + ProposeCommand.AUTHOR);
            assertThat(draft.source()).startsWith("# Proposed from consumer-starter@1");
        }
    }

    @Test
    void the_text_summary_names_the_draft_the_aucs_and_each_rule() throws Exception {
        String workspace = store(40);

        Cli.Run run = Cli.run("propose", "--workspace", workspace, "--data", directory.resolve("data").toString(),
                "--from", "consumer-starter@1", "--as-of", "2026-11-01");

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("Proposed consumer-starter@2 from consumer-starter@1",
                "40 leads in the segment, 40 labelled (20 positive, 20 negative).", "Held-out ROC AUC on 12 leads",
                "insurance_check_completed", "kept: scored alike for every training lead", "learned:\n  points: 85");
    }

    @Test
    void too_few_labelled_leads_exits_1_saying_how_many_there_are() throws Exception {
        String workspace = store(10);

        Cli.Run run = Cli.run("propose", "--workspace", workspace, "--data", directory.resolve("data").toString(),
                "--from", "consumer-starter@1", "--as-of", "2026-11-01");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("No proposal from consumer-starter@1", "there are 10 (5 positive, 5 negative)");
    }
}
