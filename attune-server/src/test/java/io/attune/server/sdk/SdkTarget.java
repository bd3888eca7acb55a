package io.attune.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.server.AttuneServer;
import io.attune.server.support.ApiClient;
import io.attune.store.Store;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real server over a fresh SQLite store, with one consumer workspace, for an analytics SDK to send
 * to; and what it recorded, read back through the REST API with the workspace's admin key. The clock
 * is the system's, because the SDKs stamp their messages with it.
 */
final class SdkTarget implements AutoCloseable {
    private final TestDatabase database;
    private final Store store;
    private final AttuneServer server;
    private final ApiClient api;
    private final Credentials credentials;

    private SdkTarget(TestDatabase database, Store store, AttuneServer server, Credentials credentials) {
        this.database = database;
        this.store = store;
        this.server = server;
        this.credentials = credentials;
        this.api = new ApiClient(server.port());
    }

    static SdkTarget start() {
        Clock clock = Clock.systemUTC();
        TestDatabase database = TestDatabase.sqlite();
        Store store = Store.over(database.database(), WriterSettings.DEFAULTS, clock);
        Credentials credentials = store.workspaces().create("Northwind Wellbeing", Segment.CONSUMER, clock.instant());
        return new SdkTarget(database, store, AttuneServer.start(store, "127.0.0.1", 0, clock), credentials);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    String writeKey() {
        return credentials.writeKey();
    }

    /** The summary of the one lead that {@code identity} (a user id, email or anonymous id) resolves to. */
    JsonNode leadByIdentity(String identity) {
        JsonNode items = get("/api/leads?identity=" + URLEncoder.encode(identity, StandardCharsets.UTF_8))
                .path("items");
        assertThat(items).as("leads with identity %s", identity).hasSize(1);
        return items.get(0);
    }

    /** Whether any lead has {@code identity}. */
    boolean knows(String identity) {
        ApiClient.Reply reply = api.get("/api/leads?identity=" + URLEncoder.encode(identity, StandardCharsets.UTF_8),
                credentials.adminKey());
        assertThat(reply.status()).as(reply.body()).isIn(200, 404);
        return reply.status() == 200;
    }

    JsonNode lead(String id) {
        return get("/api/leads/" + id);
    }

    JsonNode account(String id) {
        return get("/api/accounts/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    /** Every live lead of the workspace in full (merged-away leads are not listed). */
    List<JsonNode> leads() {
        List<JsonNode> leads = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            JsonNode page = get("/api/leads?limit=500" + cursor.map(next -> "&cursor="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8)).orElse(""));
            page.path("items").forEach(item -> leads.add(lead(item.path("id").asText())));
            cursor = page.path("next").isTextual() ? Optional.of(page.path("next").asText()) : Optional.empty();
        } while (cursor.isPresent());
        return leads;
    }

    /** The events recorded across all leads: each accepted message counts once, wherever it was merged. */
    long recordedEvents() {
        return leads().stream().mapToLong(lead -> lead.path("events").asLong()).sum();
    }

    private JsonNode get(String path) {
        ApiClient.Reply reply = api.get(path, credentials.adminKey());
        assertThat(reply.status()).as("GET %s: %s", path, reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Override
    public void close() {
        server.close();
        store.writer().close();
        database.close();
    }
}
