package io.attune.server.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.workspace.Credentials;
import io.attune.server.support.ApiClient;
import io.attune.server.support.Documented;
import io.attune.server.support.ServedStore;
import io.attune.store.Store;
import io.attune.store.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/drift} over a real store: leads recorded through ingestion in past weeks, outcomes
 * through the outcomes API, and the weekly figures, PSI and calibration error checked against hand
 * computations. The baseline week holds four leads that only identified and four that also checked
 * their insurance and started intake (all four reached SQL); the latest week holds four of the second
 * kind, one of which reached SQL.
 */
abstract class DriftContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServedStore served;
    private Clock clock;
    private Store store;
    private ApiClient client;
    private Credentials credentials;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void start() {
        served = ServedStore.start(engine());
        clock = served.clock();
        store = served.store();
        credentials = served.credentials();
        client = served.client();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void the_latest_week_scoring_higher_and_converting_less_than_its_baseline_raises_both_alerts() throws IOException {
        LocalDate current = DriftSampler.weekOf(clock.instant());
        Instant baseline = current.minusWeeks(2).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(30));
        Instant latest = current.minusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(30));
        for (int i = 0; i < 4; i++) {
            lead("low-" + i, baseline, false);
            lead("high-" + i, baseline, true);
            lead("new-" + i, latest, true);
        }
        List<Map<String, Object>> updates = new ArrayList<>();
        for (String person : List.of("high-0", "high-1", "high-2", "high-3", "new-0")) {
            updates.add(Map.of("lead", Map.of("userId", person), "status", "sql", "at",
                    latest.plus(Duration.ofDays(2)).toString()));
        }
        ApiClient.Reply stored = client.send("POST", "/api/outcomes", headers(credentials.adminKey()),
                bytes(Map.of("source", "crm", "updates", updates)));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);

        ApiClient.Reply reply = Documented.as(client.get("/api/drift?segment=consumer&weeks=3", credentials.adminKey()),
                "GET", "/api/drift");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode drift = reply.json();
        assertThat(drift.path("model").asText()).startsWith("consumer-");
        assertThat(drift.path("from").asText()).isEqualTo(current.minusWeeks(3).toString());
        assertThat(drift.path("latest").asText()).isEqualTo(current.minusWeeks(1).toString());
        assertThat(drift.path("weeks")).extracting(week -> week.path("leads").asInt()).containsExactly(0, 8, 4);
        assertThat(drift.path("weeks")).extracting(week -> week.path("converted").asInt()).containsExactly(0, 4, 1);
        assertThat(drift.at("/weeks/2/meanScore").asDouble()).isGreaterThan(drift.at("/weeks/1/meanScore").asDouble());
        // Baseline bands [<low), [low,high), [high,…) hold 0, ½, ½; the latest week is all in the top band.
        double psi = (0.0001 - 0.5) * Math.log(0.0001 / 0.5) + 0.5 * Math.log(2);
        assertThat(drift.path("psi").asDouble()).isCloseTo(psi, within(1e-9));
        // The top band converted 4 of 4 in the baseline, 1 of 4 in the latest week.
        assertThat(drift.path("calibrationError").asDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(drift.path("alerts")).extracting(alert -> alert.path("kind").asText())
                .containsExactly("distribution", "calibration");
        assertThat(drift.path("deciles")).extracting(decile -> decile.path("leads").asInt()).containsOnly(1, 2);
    }

    @Test
    void bounds_come_from_the_request_and_a_bad_one_is_named() {
        ApiClient.Reply quiet = Documented.as(client.get("/api/drift?weeks=2&maxPsi=5&maxCalibrationError=0.9",
                credentials.adminKey()), "GET", "/api/drift");
        assertThat(quiet.status()).as(quiet.body()).isEqualTo(200);
        assertThat(quiet.json().path("segment").asText()).isEqualTo("consumer");
        assertThat(quiet.json().path("psi").isNull()).isTrue();
        assertThat(quiet.json().at("/bounds/psi").asDouble()).isEqualTo(5);

        ApiClient.Reply bad = client.get("/api/drift?weeks=1&maxPsi=-1&segment=retail", credentials.adminKey());
        Documented.problem(bad, 400, "invalid-params");
        assertThat(bad.json().path("invalid-params")).extracting(param -> param.path("name").asText())
                .containsExactlyInAnyOrder("segment", "weeks", "maxPsi");
    }

    /** A consumer in California; with {@code engaged}, who also checked insurance and started intake. */
    private void lead(String person, Instant at, boolean engaged) throws IOException {
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(Map.of("type", "identify", "messageId", person + "-i", "userId", person, "timestamp", at.toString(),
                "traits", Map.of("email", person + "@example.org", "state", "CA", "age", 40)));
        if (engaged) {
            batch.add(Map.of("type", "track", "messageId", person + "-t1", "userId", person, "event",
                    "Insurance Check Completed", "timestamp", at.plusSeconds(60).toString(), "properties", Map.of()));
            batch.add(Map.of("type", "track", "messageId", person + "-t2", "userId", person, "event",
                    "Intake Started", "timestamp", at.plusSeconds(120).toString(), "properties", Map.of()));
        }
        String basic = Base64.getEncoder().encodeToString((credentials.writeKey() + ":")
                .getBytes(StandardCharsets.UTF_8));
        ApiClient.Reply reply = client.send("POST", "/v1/batch", Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/json"), bytes(Map.of("batch", batch)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static Map<String, String> headers(String key) {
        return Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json");
    }

    private static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
