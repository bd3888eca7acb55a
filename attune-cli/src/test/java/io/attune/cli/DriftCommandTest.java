package io.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import io.attune.server.drift.DriftSampler;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attune drift} over a SQLite store: two weeks ago one lead only identified and one also used
 * the ROI calculator and reached SQL; last week one lead used the calculator and has not. The latest
 * week sits entirely in the baseline's top band, which converted every time before.
 */
class DriftCommandTest {
    @TempDir
    Path directory;
    private Path data;
    private String workspace;

    @BeforeEach
    void store() throws Exception {
        LocalDate current = DriftSampler.weekOf(Instant.now());
        Instant baseline = current.minusWeeks(2).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(30));
        Instant latest = current.minusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(30));
        data = directory.resolve("data");
        try (Store store = Store.open(new StoreLocation.SqliteDirectory(data), WriterSettings.DEFAULTS,
                Clock.systemUTC())) {
            var id = store.workspaces().create("Acme Benefits", Segment.EMPLOYER, baseline).workspace().id();
            workspace = id.value();
            List<IncomingEvent> events = new ArrayList<>();
            events.addAll(lead("quiet", baseline, false));
            events.addAll(lead("keen", baseline, true));
            events.addAll(lead("late", latest, true));
            ((EventIntake.Admitted) store.writer().submit(id, events)).recorded().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            var keen = store.queries().leadByIdentity(id, new Identity(IdentityKind.USER_ID, "keen")).orElseThrow();
            store.outcomes().store(id, List.of(new Outcome(keen.id(), OutcomeStatus.SQL, latest, Optional.empty(),
                    Optional.empty(), OutcomeSource.API, new Actor.System("test"), latest)));
        }
    }

    private static List<IncomingEvent> lead(String user, Instant at, boolean roi) {
        List<IncomingEvent> events = new ArrayList<>();
        events.add(incoming(new Identify(header(user + "-i", user, at), Attributes.of(Map.of("email",
                user + "@bigco.com", "title", "Office Manager")))));
        if (roi) {
            events.add(incoming(new Track(header(user + "-t", user, at.plusSeconds(60)), "ROI Calculator Completed",
                    Attributes.EMPTY)));
        }
        return events;
    }

    private static IncomingEvent incoming(Event event) {
        return new IncomingEvent(event, "{\"messageId\":\"" + event.messageId().value() + "\"}");
    }

    private static EventHeader header(String message, String user, Instant at) {
        return new EventHeader(new MessageId(message), user, null, at, at, Attributes.EMPTY);
    }

    @Test
    void a_shifted_latest_week_exits_3_with_both_alerts_and_writes_a_report_with_charts() throws Exception {
        Path report = directory.resolve("drift.html");

        Cli.Run run = Cli.run("drift", "--workspace", workspace, "--data", data.toString(), "--weeks", "2",
                "--format", "json", "--report", report.toString());

        assertThat(run.exit()).as(run.describe()).isEqualTo(3);
        JsonNode drift = new ObjectMapper().readTree(run.out());
        assertThat(drift.path("weeks")).extracting(week -> week.path("leads").asInt()).containsExactly(2, 1);
        assertThat(drift.path("psi").asDouble()).isCloseTo((0.0001 - 0.5) * Math.log(0.0001 / 0.5) + 0.5 * Math.log(2),
                within(1e-9));
        assertThat(drift.path("calibrationError").asDouble()).isEqualTo(1.0);
        assertThat(drift.path("alerts")).extracting(alert -> alert.path("kind").asText())
                .containsExactly("distribution", "calibration");
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("<svg",
                "Score distribution: latest week and the weeks before", "Conversion by score decile",
                "Mean score by week", "ALERT calibration");
    }

    @Test
    void loose_bounds_raise_no_alert_and_the_text_says_so() {
        Cli.Run run = Cli.run("drift", "--workspace", workspace, "--data", data.toString(), "--weeks", "2",
                "--max-psi", "10", "--max-calibration-error", "1");

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.out()).contains("employer-starter@1", "calibration error: 1.000 (bound 1.000)", "no alert");
    }
}
