package io.attune.bench.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.bench.handoff.HandOffLedger.Message;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.AttuneServer;
import io.attune.server.delivery.Dispatcher;
import io.attune.server.webhook.WebhookSecret;
import io.attune.server.webhook.WebhookVerifier;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * What one run stands on: a fresh store (SQLite in a temporary directory, or a fresh PostgreSQL
 * database), the real server on loopback with its dispatcher, a consumer workspace on its starter
 * model, and a destination for {@code lead.mql} and {@code lead.sql} pointing at a
 * {@link WebhookReceiver} that verifies with the destination's signing secret.
 */
final class HandOffRig implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POSTGRES_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final Path directory;
    private final String postgresDatabase;
    private final Store store;
    private final Credentials credentials;
    private final AttuneServer server;
    private final WebhookReceiver receiver;
    private final HttpClient http;

    private HandOffRig(Path directory, String postgresDatabase, Store store, Credentials credentials,
            AttuneServer server, WebhookReceiver receiver, HttpClient http) {
        this.directory = directory;
        this.postgresDatabase = postgresDatabase;
        this.store = store;
        this.credentials = credentials;
        this.server = server;
        this.receiver = receiver;
        this.http = http;
    }

    static HandOffRig start(String db, Dispatcher.Settings delivery, Optional<Integer> concurrency) throws Exception {
        Path directory = null;
        String postgres = null;
        StoreLocation location;
        if (db.equals("postgres")) {
            postgres = "attune_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN);
                 Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + postgres);
            }
            location = new StoreLocation.JdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + postgres + "?user=postgres");
        } else {
            directory = Files.createTempDirectory("attune-bench-handoff-");
            location = new StoreLocation.SqliteDirectory(directory.resolve("attune"));
        }
        Clock clock = Clock.systemUTC();
        Store store = Store.open(location, WriterSettings.DEFAULTS, clock);
        Credentials credentials = store.workspaces().create("Lakeside Counseling", Segment.CONSUMER, clock.instant());
        AttuneServer server = AttuneServer.start(store, "127.0.0.1", 0, clock, delivery);
        WebhookReceiver receiver = new WebhookReceiver();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HandOffRig rig = new HandOffRig(directory, postgres, store, credentials, server, receiver, http);
        String secret = rig.createDestination(concurrency);
        receiver.trust(new WebhookVerifier(List.of(WebhookSecret.parse(secret)), clock));
        return rig;
    }

    private String createDestination(Optional<Integer> concurrency) throws IOException, InterruptedException {
        // Consumer leads are PHI: the intake team's CRM is declared with its BAA, or every hand-off is blocked.
        Map<String, Object> fields = new HashMap<>(Map.of("name", "Intake CRM", "url", receiver.url().toString(),
                "types", List.of("lead.mql", "lead.sql"), "kind", "intake", "baa", true));
        concurrency.ifPresent(limit -> fields.put("maxConcurrency", limit));
        byte[] body = JSON.writeValueAsBytes(fields);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server().resolve("/api/destinations/intake"))
                .header("Authorization", adminAuth()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating the destination answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode created = JSON.readTree(response.body());
        return created.path("signingSecret").asText();
    }

    URI server() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    WorkspaceId workspace() {
        return credentials.workspace().id();
    }

    String writeAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((credentials.writeKey() + ":")
                .getBytes(StandardCharsets.UTF_8));
    }

    String adminAuth() {
        return "Bearer " + credentials.adminKey();
    }

    HttpClient http() {
        return http;
    }

    WebhookReceiver receiver() {
        return receiver;
    }

    int pending() {
        return store.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM outbox WHERE status = 'pending'").mapTo(Integer.class).one());
    }

    /** Waits until no message is pending any more, or until {@code deadline}; true if none is. */
    boolean awaitDelivered(Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            if (pending() == 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return pending() == 0;
    }

    /** Every outbox message with when its delivered attempt started. */
    List<Message> messages() {
        return store.database().jdbi().withHandle(handle -> handle.createQuery("SELECT o.message_id, o.subject, "
                        + "o.type, o.seq, o.at, o.status, o.attempts, (SELECT MIN(a.at) FROM delivery_attempts a "
                        + "WHERE a.message_id = o.message_id AND a.outcome = 'delivered') AS delivered_at "
                        + "FROM outbox o ORDER BY o.seq")
                .map((rs, ctx) -> new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getString(6), rs.getInt(7),
                        rs.getObject(8) == null ? -1 : rs.getLong(8))).list());
    }

    /** The most attempts any message took. */
    int maxAttempts() {
        return store.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COALESCE(MAX(attempt), 0) FROM delivery_attempts").mapTo(Integer.class).one());
    }

    int attempts() {
        return store.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM delivery_attempts").mapTo(Integer.class).one());
    }

    @Override
    public void close() throws Exception {
        server.close();
        receiver.close();
        store.writer().close();
        store.close();
        if (postgresDatabase != null) {
            try (Connection admin = DriverManager.getConnection(POSTGRES_ADMIN);
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("could not drop " + postgresDatabase + ": " + e.getMessage());
            }
        }
        if (directory != null) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
