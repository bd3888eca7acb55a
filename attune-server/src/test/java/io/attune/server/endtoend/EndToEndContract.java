package io.attune.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.server.AttuneServer;
import io.attune.server.support.ApiClient;
import io.attune.store.Store;
import io.attune.store.db.Database;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Segment-shaped traffic over real HTTP into the real store, read back through the API: the path
 * of one event, end to end, on each engine.
 */
abstract class EndToEndContract {
    static final Instant NOW = Instant.parse("2026-11-02T15:00:00Z");

    private TestDatabase testDatabase;
    private Store store;
    private AttuneServer server;
    private ApiClient client;
    private Credentials credentials;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void start() {
        testDatabase = TestDatabase.create(engine());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = Store.over(testDatabase.database(), WriterSettings.DEFAULTS, clock);
        credentials = store.workspaces().create("Lakeside Counseling", Segment.CONSUMER, NOW);
        server = AttuneServer.start(store, "127.0.0.1", 0, clock);
        client = new ApiClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        store.writer().close();
        testDatabase.close();
    }

    private ApiClient.Reply post(String path, String body, boolean gzip) {
        String basic = Base64.getEncoder().encodeToString((credentials.writeKey() + ":")
                .getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = gzip
                ? Map.of("Authorization", "Basic " + basic, "Content-Type", "application/json",
                        "Content-Encoding", "gzip")
                : Map.of("Authorization", "Basic " + basic, "Content-Type", "application/json");
        return client.send("POST", path, headers, gzip ? gzip(bytes) : bytes);
    }

    private JsonNode api(String path) {
        ApiClient.Reply reply = client.get(path, credentials.adminKey());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static final String JOURNEY = """
            {"batch":[
              {"type":"page","messageId":"p-1","anonymousId":"browser-1","timestamp":"2026-11-02T14:00:00Z",
               "properties":{"path":"/insurance","url":"https://care.example.com/insurance"}},
              {"type":"track","messageId":"t-1","anonymousId":"browser-1","event":"Insurance Check Completed",
               "timestamp":"2026-11-02T14:01:00Z","properties":{"plan":"PPO"}},
              {"type":"identify","messageId":"i-1","anonymousId":"browser-1","userId":"patient-42",
               "timestamp":"2026-11-02T14:02:00Z",
               "traits":{"email":"jordan.lee@gmail.com","state":"CA","age":31,"insurance":"Aetna"}},
              {"type":"track","messageId":"t-2","userId":"patient-42","event":"Intake Started",
               "timestamp":"2026-11-02T14:03:00Z"},
              {"type":"track","messageId":"t-3","userId":"patient-42","event":"Appointment Booked",
               "timestamp":"2026-11-02T14:04:00Z","someFieldAttuneDoesNotKnow":{"kept":true}}
            ]}""";

    @Test
    void a_journey_sent_like_an_sdk_becomes_an_explained_mql() {
        ApiClient.Reply reply = post("/v1/batch", JOURNEY, true);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("success").asBoolean()).isTrue();

        JsonNode page = api("/api/leads?identity=jordan.lee@gmail.com");
        JsonNode summary = page.path("items").get(0);
        assertThat(summary.path("stage").asText()).isEqualTo("mql");
        JsonNode lead = api("/api/leads/" + summary.path("id").asText());
        assertThat(lead.path("events").asInt()).isEqualTo(5);
        JsonNode ledger = lead.path("explanation");
        assertThat(ledger.isArray() ? ledger : lead.path("contributions")).isNotEmpty();
        assertThat(api("/api/mqls").path("items")).extracting(item -> item.path("id").asText())
                .contains(summary.path("id").asText());
    }

    @Test
    void a_retried_batch_is_not_counted_twice() {
        assertThat(post("/v1/batch", JOURNEY, false).status()).isEqualTo(200);
        JsonNode before = api("/api/leads?identity=patient-42").path("items").get(0);

        assertThat(post("/v1/import", JOURNEY, true).status()).isEqualTo(200);

        JsonNode after = api("/api/leads?identity=patient-42").path("items").get(0);
        assertThat(after.path("score")).isEqualTo(before.path("score"));
        assertThat(api("/api/leads/" + after.path("id").asText()).path("events").asInt()).isEqualTo(5);
    }

    @Test
    void bad_messages_are_listed_and_good_ones_in_the_same_batch_are_kept() {
        ApiClient.Reply reply = post("/v1/batch", """
                {"batch":[
                  {"type":"track","messageId":"ok-1","userId":"u-1","event":"Insurance Check Completed"},
                  {"type":"track","messageId":"bad-1","event":"No one sent this"},
                  {"type":"track","messageId":"bad-2","userId":"u-2","event":"x","timestamp":"yesterday"}
                ]}""", false);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(reply.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(reply.json().path("errors")).extracting(error -> error.path("index").asInt())
                .containsExactly(1, 2);
        assertThat(api("/api/leads?identity=u-1").path("items")).hasSize(1);
        assertThat(client.get("/api/leads?identity=u-2", credentials.adminKey()).status()).isEqualTo(404);
    }

    @Test
    void an_unknown_write_key_is_refused_and_records_nothing() {
        ApiClient.Reply reply = client.send("POST", "/v1/track", Map.of("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("wk_nobody:".getBytes(StandardCharsets.UTF_8))),
                "{\"userId\":\"u-9\",\"event\":\"Intake Started\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(client.get("/api/leads?identity=u-9", credentials.adminKey()).status()).isEqualTo(404);
    }

    @Test
    void a_write_key_in_the_body_authenticates_a_single_call() {
        ApiClient.Reply reply = client.send("POST", "/v1/identify", Map.of("Content-Type", "application/json"),
                ("{\"writeKey\":\"" + credentials.writeKey() + "\",\"userId\":\"u-3\",\"traits\":{\"state\":\"OR\"}}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(api("/api/leads?identity=u-3").path("items")).hasSize(1);
    }

    @Test
    void a_batch_over_500_kb_is_refused_with_400() {
        String filler = "x".repeat(20_000);
        StringBuilder batch = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 30; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\",")
                    .append("\"properties\":{\"note\":\"").append(filler).append("\"}}");
        }
        ApiClient.Reply reply = post("/v1/batch", batch.append("]}").toString(), false);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(client.get("/api/leads?identity=u", credentials.adminKey()).status()).isEqualTo(404);
    }

    @Test
    void an_acknowledged_event_survives_a_restart() throws Exception {
        assertThat(post("/v1/batch", JOURNEY, false).status()).isEqualTo(200);
        server.close();
        store.writer().close();

        try (Database reopened = Database.open(testDatabase.location());
             Store again = Store.over(reopened, WriterSettings.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThat(again.queries().leadByIdentity(credentials.workspace().id(),
                    new io.attune.core.identity.Identity(io.attune.core.identity.IdentityKind.USER_ID, "patient-42")))
                    .hasValueSatisfying(lead -> assertThat(lead.events()).isEqualTo(5));
        }
        server = AttuneServer.start(store, "127.0.0.1", 0, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
