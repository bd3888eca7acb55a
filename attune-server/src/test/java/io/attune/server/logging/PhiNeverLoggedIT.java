package io.attune.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.handoff.RetryPolicy;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.server.AttuneServer;
import io.attune.server.delivery.Dispatcher;
import io.attune.server.support.ApiClient;
import io.attune.store.Store;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PHI never reaches the logs: events full of health, substance-use and contact details go through
 * the real HTTP ingestion, the real store and the real dispatcher, whose hand-off fails and is
 * dead-lettered (a path that logs), while everything the logging backend (slf4j-simple, writing to
 * standard error, at the {@code warn} level the tests and the {@code attune} command configure) prints
 * is captured.
 */
class PhiNeverLoggedIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PHI = List.of("jordan.mensah@fastmail.com", "+1 503 555 0148",
            "Jordan Mensah", "bipolar II disorder", "opioid use disorder", "buprenorphine", "my son says he wants to die",
            "panic attacks every night since the divorce", "Lakeshore Recovery Center");
    private static final Dispatcher.Settings QUICK = new Dispatcher.Settings(Duration.ofMillis(20),
            Duration.ofMillis(500), new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(80)));

    private final Clock clock = Clock.systemUTC();
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream standardError;
    private TestDatabase testDatabase;
    private Store store;
    private AttuneServer server;
    private Credentials credentials;

    @BeforeEach
    void start() {
        standardError = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        testDatabase = TestDatabase.create(TestDatabase.Engine.SQLITE);
        store = Store.over(testDatabase.database(), WriterSettings.DEFAULTS, clock);
        credentials = store.workspaces().create("Lakeside Counseling", Segment.CONSUMER, clock.instant());
        server = AttuneServer.start(store, "127.0.0.1", 0, clock, QUICK);
    }

    @AfterEach
    void stop() {
        try {
            server.close();
            store.writer().close();
            testDatabase.close();
        } finally {
            System.setErr(standardError);
        }
    }

    @Test
    void ingesting_phi_laden_events_and_failing_to_deliver_them_logs_none_of_it() throws Exception {
        ApiClient client = new ApiClient(server.port());
        destinationThatRefusesConnections(client);
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        Map<String, Object> identify = message("identify", "i-1", at);
        identify.put("traits", Map.of("email", PHI.get(0), "phone", PHI.get(1), "name", PHI.get(2),
                "diagnosis", PHI.get(3), "state", "OR"));
        identify.put("context", Map.of("traits", Map.of("clinic", PHI.get(8))));
        Map<String, Object> form = message("track", "t-1", at.plusSeconds(60));
        form.put("event", "Form Submitted");
        // Substance-use details in the form, not the traits: a substance-use lead would be walled off (SUD-01)
        // before the dispatcher tries, and fail without the attempt this test needs.
        form.put("properties", Map.of("message", PHI.get(6), "concern", PHI.get(7), "history", PHI.get(4)
                + " treated with " + PHI.get(5)));
        form.put("unmodelled", Map.of("note", PHI.get(5)));

        ApiClient.Reply reply = client.send("POST", "/v1/batch", Map.of("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((credentials.writeKey() + ":").getBytes(StandardCharsets.UTF_8)),
                "Content-Type", "application/json"), JSON.writeValueAsBytes(Map.of("batch", List.of(identify, form))));
        ApiClient.Reply malformed = client.send("POST", "/v1/batch", Map.of("Authorization", "Basic " + Base64
                        .getEncoder().encodeToString((credentials.writeKey() + ":").getBytes(StandardCharsets.UTF_8)),
                "Content-Type", "application/json"), ("{\"batch\":[{\"type\":\"identify\",\"traits\":{\"diagnosis\":\""
                + PHI.get(3) + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(malformed.status()).isEqualTo(400);
        String logs = awaitLog("was dead-lettered after 1 attempts");
        assertThat(logs).contains("hand-off ");
        for (String value : PHI) {
            assertThat(logs).as("the log output").doesNotContain(value);
        }
    }

    private void destinationThatRefusesConnections(ApiClient client) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Clinical team");
        body.put("url", "http://127.0.0.1:" + closedPort + "/hook");
        body.put("types", List.of("lead.crisis_hold"));
        body.put("fields", List.of("state", "message"));
        body.put("kind", "crm");
        body.put("baa", true);
        body.put("maxAttempts", 1);
        ApiClient.Reply reply = client.send("PUT", "/api/destinations/clinical", Map.of("Authorization",
                "Bearer " + credentials.adminKey(), "Content-Type", "application/json"), JSON.writeValueAsBytes(body));
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }

    private static Map<String, Object> message(String type, String messageId, Instant at) {
        Map<String, Object> message = new HashMap<>();
        message.put("type", type);
        message.put("messageId", messageId);
        message.put("userId", "pat-1");
        message.put("timestamp", at.toString());
        return message;
    }

    /** The captured output once it holds {@code line}: the dispatcher has logged its failure. */
    private String awaitLog(String line) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            String logs = captured.toString(StandardCharsets.UTF_8);
            if (logs.contains(line)) {
                return logs;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the dispatcher never logged \"" + line + "\"; the outbox holds "
                + store.database().jdbi().withHandle(handle -> handle.createQuery("SELECT o.type || ' ' || o.status || ' ' "
                        + "|| o.attempts || ' ' || COALESCE(d.rule_ids, '') || ' ' || COALESCE(d.reason, '') FROM outbox o "
                        + "LEFT JOIN egress_decisions d ON d.message_id = o.message_id").mapTo(String.class).list()));
    }
}
