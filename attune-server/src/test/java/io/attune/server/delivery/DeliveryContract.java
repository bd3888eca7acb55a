package io.attune.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.handoff.RetryPolicy;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.server.AttuneServer;
import io.attune.server.support.ApiClient;
import io.attune.server.support.Poll;
import io.attune.server.support.Receiver;
import io.attune.server.support.SegmentMessage;
import io.attune.server.support.Receiver.Reply;
import io.attune.server.webhook.Verification;
import io.attune.server.webhook.WebhookSecret;
import io.attune.server.webhook.WebhookVerifier;
import io.attune.store.Store;
import io.attune.store.db.Database;
import io.attune.store.ingest.WriterSettings;
import io.attune.store.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-offs leaving over real HTTP for a real receiver on loopback, from the real store: signed,
 * cut to the destination's fields, retried with the same id through errors, timeouts, refused
 * connections and a restart, dead-lettered and replayed, in order per lead, and routed by segment,
 * CRM owner and round-robin pool to each team's own endpoint.
 */
abstract class DeliveryContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Dispatcher.Settings QUICK = new Dispatcher.Settings(Duration.ofMillis(20),
            Duration.ofMillis(500), new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(80)));
    /** Looks once, when it starts, and then not for an hour: messages stay queued. */
    private static final Dispatcher.Settings PAUSED = new Dispatcher.Settings(Duration.ofHours(1),
            Duration.ofMillis(500), QUICK.retry());

    private final Clock clock = Clock.systemUTC();
    private TestDatabase testDatabase;
    private Store store;
    private AttuneServer server;
    private ApiClient client;
    private Credentials credentials;
    private Receiver receiver;
    /** Further endpoints, one per team, for the routing tests. */
    private final List<Receiver> endpoints = new ArrayList<>();
    private Database reopened;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void start() {
        testDatabase = TestDatabase.create(engine());
        store = Store.over(testDatabase.database(), WriterSettings.DEFAULTS, clock);
        credentials = store.workspaces().create("Lakeside Counseling", Segment.CONSUMER, clock.instant());
        server = AttuneServer.start(store, "127.0.0.1", 0, clock, QUICK);
        client = new ApiClient(server.port());
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        server.close();
        receiver.close();
        endpoints.forEach(Receiver::close);
        store.writer().close();
        if (reopened != null) {
            reopened.close();
        }
        testDatabase.close();
    }

    @Test
    void a_new_mql_reaches_its_destination_signed_and_cut_to_the_allowed_fields() throws IOException {
        String secret = destination("crm", Map.of("url", receiver.url().toString(), "types", List.of("lead.mql"),
                "fields", List.of("state"))).path("signingSecret").asText();

        sendJourney("patient-42");

        Receiver.Request request = receiver.next(1).get(0);
        Verification verification = new WebhookVerifier(List.of(WebhookSecret.parse(secret)), clock)
                .verify(request.headers(), request.body());
        assertThat(verification.verified()).as(verification.toString()).isTrue();
        assertThat(request.header("content-type")).isEqualTo("application/cloudevents+json");
        JsonNode event = JSON.readTree(request.body());
        assertThat(event.path("type").asText()).isEqualTo("lead.mql");
        assertThat(event.path("id").asText()).isEqualTo(request.header("webhook-id")).startsWith("msg_");
        assertThat(event.path("data").path("fields").path("state").asText()).isEqualTo("CA");
        String body = new String(request.body(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("jordan.lee@gmail.com").doesNotContain("Aetna");

        JsonNode message = awaitStatus(request.header("webhook-id"), "delivered");
        assertThat(message.path("attempts")).hasSize(1);
        assertThat(message.path("attempts").get(0).path("status").asInt()).isEqualTo(200);
    }

    @Test
    void errors_are_retried_with_the_same_id_until_the_receiver_accepts() {
        receiver.script(Reply.status(500), Reply.status(503), Reply.status(429));
        destination("crm", Map.of("url", receiver.url().toString()));

        sendJourney("patient-42");

        List<Receiver.Request> requests = receiver.next(4);
        assertThat(requests).extracting(request -> request.header("webhook-id")).containsOnly(
                requests.get(0).header("webhook-id"));
        JsonNode message = awaitStatus(requests.get(0).header("webhook-id"), "delivered");
        assertThat(message.path("attempts")).extracting(attempt -> attempt.path("outcome").asText() + " "
                + attempt.path("status").asInt()).containsExactly("rejected 500", "rejected 503", "rejected 429",
                "delivered 200");
    }

    @Test
    void a_receiver_that_never_answers_is_dead_lettered_and_a_replay_delivers_it_with_its_id() {
        receiver.script(Reply.after(Duration.ofSeconds(2), 200), Reply.after(Duration.ofSeconds(2), 200));
        destination("crm", Map.of("url", receiver.url().toString(), "maxAttempts", 2));

        sendJourney("patient-42");

        String id = receiver.next(2).get(0).header("webhook-id");
        JsonNode dead = awaitStatus(id, "dead");
        assertThat(dead.path("attempts")).extracting(attempt -> attempt.path("outcome").asText())
                .containsExactly("timed_out", "timed_out");
        JsonNode letters = api("/api/outbox/dead-letters").path("items");
        assertThat(letters).extracting(letter -> letter.path("id").asText()).containsExactly(id);
        assertThat(letters.get(0).path("lastError").asText()).contains("no answer");

        assertThat(post("/api/outbox/" + id + "/replay", "").status()).isEqualTo(200);

        assertThat(receiver.next(1).get(0).header("webhook-id")).isEqualTo(id);
        assertThat(awaitStatus(id, "delivered").path("attempts")).hasSize(3);
        assertThat(api("/api/outbox/dead-letters").path("items")).isEmpty();
    }

    @Test
    void a_refused_connection_is_recorded_as_unreachable_and_retried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        destination("crm", Map.of("url", "http://127.0.0.1:" + closedPort + "/hooks", "maxAttempts", 3));

        sendJourney("patient-42");

        String id = outboxIds().get(0);
        JsonNode dead = awaitStatus(id, "dead");
        assertThat(dead.path("attempts")).extracting(attempt -> attempt.path("outcome").asText())
                .containsExactly("unreachable", "unreachable", "unreachable");
        assertThat(dead.path("attempts").get(0).path("error").asText()).contains("refused");
    }

    @Test
    void a_message_committed_before_a_restart_is_delivered_after_it_with_the_same_id() {
        server.close();
        server = AttuneServer.start(store, "127.0.0.1", 0, clock, PAUSED);
        client = new ApiClient(server.port());
        destination("crm", Map.of("url", receiver.url().toString()));
        sendJourney("patient-42");
        String queued = outboxIds().get(0);
        server.close();
        store.writer().close();

        reopened = Database.open(testDatabase.location());
        store = Store.over(reopened, WriterSettings.DEFAULTS, clock);
        server = AttuneServer.start(store, "127.0.0.1", 0, clock, QUICK);
        client = new ApiClient(server.port());

        List<Receiver.Request> requests = receiver.next(1);
        assertThat(requests.get(0).header("webhook-id")).isEqualTo(queued);
        assertThat(awaitStatus(queued, "delivered").path("attempts")).hasSize(1);
    }

    @Test
    void destinations_hear_only_the_moves_segments_and_states_they_take() {
        destination("sales-only", Map.of("url", receiver.url().toString(), "types", List.of("lead.sql")));
        destination("new-york", Map.of("url", receiver.url().toString(), "states", List.of("NY")));
        destination("employers", Map.of("url", receiver.url().toString(), "segments", List.of("employer")));

        sendJourney("patient-42");

        assertThat(outboxIds()).isEmpty();
    }

    @Test
    void a_lead_s_messages_arrive_in_order_even_when_the_first_is_retried() {
        receiver.script(Reply.status(500), Reply.status(500));
        destination("crm", Map.of("url", receiver.url().toString()));
        String lead = sendJourney("patient-42");

        ApiClient.Reply accepted = post("/api/leads/" + lead + "/accept", """
                {"budget":"self-pay","authority":"self","need":"anxiety care","timeline":"this month",
                 "user":"intake-1"}""");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        List<String> types = receiver.next(4).stream().map(request -> type(request)).toList();
        assertThat(types).containsExactly("lead.mql", "lead.mql", "lead.mql", "lead.sql");
    }

    @Test
    void after_a_rotation_messages_carry_a_signature_under_each_secret() {
        String first = destination("crm", Map.of("url", receiver.url().toString(), "enabled", false))
                .path("signingSecret").asText();
        ApiClient.Reply rotated = post("/api/destinations/crm/rotate-secret", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String second = rotated.json().path("signingSecret").asText();
        destination("crm", Map.of("url", receiver.url().toString()));

        sendJourney("patient-42");

        Receiver.Request request = receiver.next(1).get(0);
        for (String secret : List.of(first, second)) {
            assertThat(new WebhookVerifier(List.of(WebhookSecret.parse(secret)), clock)
                    .verify(request.headers(), request.body()).verified()).as(secret).isTrue();
        }
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
    }

    @Test
    void an_mql_sales_does_not_answer_in_time_is_escalated_once_shown_on_the_lead_and_listed() {
        ApiClient.Reply settings = client.send("PUT", "/api/settings", headers(), bytes(Map.of("sla", Map.of(
                "businessHours", 0.05, "timeZone", "America/New_York", "opens", "00:00", "closes", "24:00",
                "workdays", List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")))));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        destination("crm", Map.of("url", receiver.url().toString(), "types", List.of("lead.mql", "lead.sql", "mql.sla_breached")));

        String lead = sendJourney("patient-42");

        List<String> types = receiver.next(2).stream().map(DeliveryContract::type).toList();
        assertThat(types).containsExactly("lead.mql", "mql.sla_breached");
        JsonNode sla = api("/api/leads/" + lead).path("sla");
        assertThat(sla.path("status").asText()).isEqualTo("breached");
        assertThat(sla.path("overdue").asBoolean()).isTrue();
        assertThat(Instant.parse(sla.path("dueAt").asText())).isEqualTo(
                Instant.parse(sla.path("qualifiedAt").asText()).plus(Duration.ofMinutes(3)));
        assertThat(api("/api/sla/breaches?overdue=true").path("items")).extracting(item -> item.path("lead").asText())
                .containsExactly(lead);

        ApiClient.Reply accepted = post("/api/leads/" + lead + "/accept", """
                {"budget":"self-pay","authority":"self","need":"anxiety care","timeline":"this month",
                 "user":"intake-1"}""");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        assertThat(api("/api/sla/breaches?overdue=true").path("items")).isEmpty();
        assertThat(api("/api/sla/breaches").path("items")).extracting(item -> item.path("overdue").asBoolean())
                .containsExactly(false);
        assertThat(receiver.next(1).stream().map(DeliveryContract::type)).containsExactly("lead.sql");
    }

    @Test
    void a_consumer_mql_goes_to_intake_an_employer_mql_to_sales_and_a_referral_mql_to_partnerships() {
        Receiver intake = endpoint();
        Receiver sales = endpoint();
        Receiver partnerships = endpoint();
        destination("intake", Map.of("url", intake.url().toString(), "segments", List.of("consumer")));
        destination("sales", Map.of("url", sales.url().toString(), "segments", List.of("employer")));
        destination("partnerships", Map.of("url", partnerships.url().toString(), "segments", List.of("referral")));

        String patient = sendJourney("patient-42");
        assertThat(delivered(intake)).isEqualTo("lead.mql consumer " + patient);
        String benefitsLeader = employerMql("dana-ortiz", "northwind-logistics.com", Map.of());
        assertThat(delivered(sales)).isEqualTo("lead.mql employer " + benefitsLeader);
        String coordinator = qualify("maria-chen", List.of(
                identify(Map.of("email", "maria.chen@valleyfamilymed.com", "title", "Referral Coordinator",
                        "specialty", "Family Medicine", "segment", "referral")),
                track("Referral Form Started", Map.of()),
                track("Referral Submitted", Map.of("referrerType", "clinic")),
                track("Meeting Requested", Map.of())));
        assertThat(delivered(partnerships)).isEqualTo("lead.mql referral " + coordinator);

        assertNothingElseArrives();
    }

    @Test
    void an_owner_s_destination_gets_the_leads_the_owner_has_in_the_crm_by_the_lead_or_its_account() {
        Receiver sales = endpoint();
        Receiver ana = endpoint();
        destination("sales", Map.of("url", sales.url().toString(), "segments", List.of("employer")));
        destination("rep-ana", Map.of("url", ana.url().toString(), "segments", List.of("employer"),
                "owners", List.of("81472")));

        // HubSpot owner ids are numbers: the integration sends hubspot_owner_id as the owner trait
        String owned = employerMql("dana-ortiz", "northwind-logistics.com", Map.of("owner", 81472));
        assertThat(delivered(ana)).isEqualTo("lead.mql employer " + owned);
        assertThat(delivered(sales)).isEqualTo("lead.mql employer " + owned);
        String ownedByAccount = qualify("sam-park", List.of(
                identify(employerTraits("sam-park", "contoso-foods.com", Map.of())),
                Map.of("type", "group", "groupId", "contoso", "traits", Map.of("name", "Contoso Foods",
                        "employees", 2400, "owner", "81472")),
                track("Demo Requested", Map.of()), track("Meeting Booked", Map.of())));
        assertThat(delivered(ana)).isEqualTo("lead.mql employer " + ownedByAccount);
        assertThat(delivered(sales)).isEqualTo("lead.mql employer " + ownedByAccount);
        String someoneElses = employerMql("lee-wong", "fabrikam.com", Map.of("owner", 90310));
        assertThat(delivered(sales)).isEqualTo("lead.mql employer " + someoneElses);

        assertNothingElseArrives();
    }

    @Test
    void mqls_alternate_between_the_reps_of_a_pool_and_a_lead_s_later_move_goes_to_its_rep() {
        Receiver ana = endpoint();
        Receiver ben = endpoint();
        destination("sales-ana", Map.of("url", ana.url().toString(), "segments", List.of("employer"),
                "pool", "employer-sales"));
        destination("sales-ben", Map.of("url", ben.url().toString(), "segments", List.of("employer"),
                "pool", "employer-sales"));
        String first = employerMql("dana-ortiz", "northwind-logistics.com", Map.of());
        assertThat(delivered(ana)).isEqualTo("lead.mql employer " + first);
        String second = employerMql("sam-park", "contoso-foods.com", Map.of());
        assertThat(delivered(ben)).isEqualTo("lead.mql employer " + second);
        String third = employerMql("lee-wong", "fabrikam.com", Map.of());
        assertThat(delivered(ana)).isEqualTo("lead.mql employer " + third);

        ApiClient.Reply accepted = post("/api/leads/" + first + "/accept", """
                {"budget":"2027 benefits budget","authority":"the VP of Benefits signs","need":"replace the EAP",
                 "timeline":"January renewal","user":"ana"}""");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        assertThat(delivered(ana)).as("ben's turn, but the lead is ana's").isEqualTo("lead.sql employer " + first);
        assertNothingElseArrives();
    }

    /**
     * Creates or replaces a destination; unless the test says otherwise, a CRM under a BAA, which may
     * receive a consumer's hand-off (the egress cases are {@link EgressEnforcementContract}'s).
     */
    private JsonNode destination(String id, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("name", "CRM " + id);
        body.putIfAbsent("types", List.of("lead.mql", "lead.sql"));
        body.putIfAbsent("kind", "crm");
        body.putIfAbsent("baa", true);
        ApiClient.Reply reply = client.send("PUT", "/api/destinations/" + id, headers(), bytes(body));
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        return reply.json();
    }

    /** Another webhook endpoint on loopback, as a team's own would be. */
    private Receiver endpoint() {
        Receiver endpoint = new Receiver();
        endpoints.add(endpoint);
        return endpoint;
    }

    /**
     * The next hand-off the endpoint got, as "type segment lead", once its delivery is recorded. The
     * routing tests move the next lead only then: on SQLite the writer's transaction reads before it
     * writes, and fails with SQLITE_BUSY_SNAPSHOT (the submission answers 503) if the dispatcher
     * commits an attempt in between.
     */
    private String delivered(Receiver endpoint) {
        Receiver.Request request = endpoint.next(1).get(0);
        awaitStatus(request.header("webhook-id"), "delivered");
        try {
            JsonNode event = JSON.readTree(request.body());
            return event.path("type").asText() + " " + event.path("data").path("segment").asText() + " "
                    + event.path("data").path("lead").asText();
        } catch (IOException e) {
            throw new AssertionError("the body is not JSON", e);
        }
    }

    /** Once every message of the outbox is delivered, no endpoint has a request the test did not take. */
    private void assertNothingElseArrives() {
        outboxIds().forEach(id -> awaitStatus(id, "delivered"));
        Stream.concat(Stream.of(receiver), endpoints.stream()).forEach(endpoint ->
                assertThat(endpoint.unread()).as("requests nobody expected").isEmpty());
    }

    /**
     * Sends the journey of a VP of Benefits at {@code domain} who asks for a demo and books a meeting,
     * which makes an employer MQL; answers the lead's id.
     */
    private String employerMql(String userId, String domain, Map<String, Object> traits) {
        return qualify(userId, List.of(identify(employerTraits(userId, domain, traits)),
                track("Demo Requested", Map.of()), track("Meeting Booked", Map.of())));
    }

    private static Map<String, Object> employerTraits(String userId, String domain, Map<String, Object> traits) {
        Map<String, Object> all = new HashMap<>(traits);
        all.putAll(Map.of("email", userId + "@" + domain, "title", "VP, Benefits", "segment", "employer"));
        return all;
    }

    private static Map<String, Object> identify(Map<String, Object> traits) {
        return Map.of("type", "identify", "traits", traits);
    }

    private static Map<String, Object> track(String event, Map<String, Object> properties) {
        return Map.of("type", "track", "event", event, "properties", properties);
    }

    /** Sends these events of {@code userId}, a minute apart from ten minutes ago, which make an MQL; answers its id. */
    private String qualify(String userId, List<Map<String, Object>> events) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        List<Map<String, Object>> batch = SegmentMessage.journey(userId, events, at).stream()
                .map(SegmentMessage::fields).toList();
        return send(userId, bytes(Map.of("batch", batch)));
    }

    /** Sends a journey that makes an MQL of {@code userId} in California; answers the lead's id. */
    private String sendJourney(String userId) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        String batch = """
                {"batch":[
                  {"type":"page","messageId":"p-%1$s","anonymousId":"browser-%1$s","timestamp":"%2$s",
                   "properties":{"path":"/insurance","url":"https://care.example.com/insurance"}},
                  {"type":"track","messageId":"t1-%1$s","anonymousId":"browser-%1$s",
                   "event":"Insurance Check Completed","timestamp":"%3$s","properties":{"plan":"PPO"}},
                  {"type":"identify","messageId":"i-%1$s","anonymousId":"browser-%1$s","userId":"%1$s",
                   "timestamp":"%4$s",
                   "traits":{"email":"jordan.lee@gmail.com","state":"CA","age":31,"insurance":"Aetna"}},
                  {"type":"track","messageId":"t2-%1$s","userId":"%1$s","event":"Intake Started","timestamp":"%5$s"},
                  {"type":"track","messageId":"t3-%1$s","userId":"%1$s","event":"Appointment Booked",
                   "timestamp":"%6$s"}
                ]}""".formatted(userId, at, at.plusSeconds(60), at.plusSeconds(120), at.plusSeconds(180),
                at.plusSeconds(240));
        return send(userId, batch.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts a batch of {@code userId}'s events with the write key; answers the id of the MQL they make. */
    private String send(String userId, byte[] batch) {
        String basic = Base64.getEncoder().encodeToString((credentials.writeKey() + ":")
                .getBytes(StandardCharsets.UTF_8));
        ApiClient.Reply reply = client.send("POST", "/v1/batch", Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/json"), batch);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode lead = api("/api/leads?identity=" + userId).path("items").get(0);
        assertThat(lead.path("stage").asText()).as("the journey makes an MQL").isEqualTo("mql");
        return lead.path("id").asText();
    }

    /** Polls the message's status through the API until it reads {@code status}, or fails after a generous wait. */
    private JsonNode awaitStatus(String id, String status) {
        return Poll.until(() -> api("/api/outbox/" + id), message -> message.path("status").asText().equals(status),
                "message " + id + " " + status);
    }

    private List<String> outboxIds() {
        return store.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT message_id FROM outbox ORDER BY message_id").mapTo(String.class).list());
    }

    private static String type(Receiver.Request request) {
        try {
            return JSON.readTree(request.body()).path("type").asText();
        } catch (IOException e) {
            throw new AssertionError("the body is not JSON", e);
        }
    }

    private JsonNode api(String path) {
        ApiClient.Reply reply = client.get(path, credentials.adminKey());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private ApiClient.Reply post(String path, String body) {
        return client.send("POST", path, headers(), body.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + credentials.adminKey(), "Content-Type", "application/json");
    }

    private static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
