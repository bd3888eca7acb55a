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
import io.attune.core.model.Segment;
import io.attune.core.outcome.Outcome;
import io.attune.core.outcome.OutcomeSource;
import io.attune.core.outcome.OutcomeStatus;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.model.YamlModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attune backtest} and {@code attune evaluate} over a SQLite store with two leads and one outcome. */
class BacktestCommandTest {
    private static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");

    @TempDir
    Path directory;
    private Path data;
    private String workspace;

    @BeforeEach
    void store() throws Exception {
        data = directory.resolve("data");
        try (Store store = Store.open(new StoreLocation.SqliteDirectory(data), WriterSettings.DEFAULTS,
                Clock.systemUTC())) {
            var id = store.workspaces().create("Acme Benefits", Segment.EMPLOYER, T0).workspace().id();
            workspace = id.value();
            List<IncomingEvent> events = List.of(
                    incoming(new Identify(header("m1", "vp-1", T0), Attributes.of(Map.of("email", "dana@bigco.com",
                            "title", "VP, Benefits")))),
                    incoming(new Track(header("m2", "vp-1", T0.plusSeconds(60)), "ROI Calculator Completed",
                            Attributes.EMPTY)),
                    incoming(new Identify(header("m3", "hr-2", T0), Attributes.of(Map.of("email", "lee@smallco.com",
                            "title", "Office Manager")))));
            ((EventIntake.Admitted) store.writer().submit(id, events)).recorded().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            var dana = store.queries().leadByIdentity(id, new Identity(IdentityKind.USER_ID, "vp-1")).orElseThrow();
            store.outcomes().store(id, List.of(new Outcome(dana.id(), OutcomeStatus.SQL, T0.plusSeconds(3600),
                    Optional.empty(), Optional.empty(), OutcomeSource.API, new Actor.System("test"),
                    T0.plusSeconds(3600))));
        }
    }

    private static IncomingEvent incoming(Event event) {
        return new IncomingEvent(event, "{\"messageId\":\"" + event.messageId().value() + "\"}");
    }

    private static EventHeader header(String message, String user, Instant at) {
        return new EventHeader(new MessageId(message), user, null, at, at, Attributes.EMPTY);
    }

    @Test
    void a_backtest_lists_the_lead_a_lower_threshold_would_qualify_and_writes_a_report_with_charts() throws Exception {
        Path candidate = directory.resolve("lower.yaml");
        Files.writeString(candidate, YamlModels.starterModelText(Segment.EMPLOYER).replace("version: 1", "version: 2")
                .replace("\nthreshold: 95", "\nthreshold: 30"));
        Path report = directory.resolve("backtest.html");

        Cli.Run run = Cli.run("backtest", "--workspace", workspace, "--data", data.toString(), "--candidate",
                candidate.toString(), "--to", "2026-10-05", "--format", "json", "--report", report.toString());

        assertThat(run.exit()).as(run.describe()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("leads").asInt()).isEqualTo(2);
        assertThat(result.path("newlyQualifyingCount").asInt()).isEqualTo(1);
        assertThat(result.at("/outcomes/candidate/precision").asDouble()).isEqualTo(1.0);
        assertThat(result.at("/outcomes/active/mqls").asInt()).isZero();
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).contains("<svg", "ROC (SQL)", "Calibration: SQL rate by score", "Lift by score decile",
                "Score distribution", "employer-starter@2");
    }

    @Test
    void evaluate_reports_the_active_model_against_the_stored_outcomes() throws Exception {
        Path report = directory.resolve("evaluate.html");

        Cli.Run run = Cli.run("evaluate", "--workspace", workspace, "--data", data.toString(), "--report",
                report.toString());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("employer-starter@1", "2 leads replayed", "ROC AUC");
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("<svg", "Attune evaluation: employer-starter@1");
    }

    @Test
    void a_candidate_that_does_not_check_fails_naming_the_problem() throws Exception {
        Path candidate = directory.resolve("bad.yaml");
        Files.writeString(candidate, "id: x\nversion: 1\nsegment: nowhere\n");

        Cli.Run run = Cli.run("backtest", "--workspace", workspace, "--data", data.toString(), "--candidate",
                candidate.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("the candidate model does not check", "segment");
    }
}
