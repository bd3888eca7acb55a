package io.attune.server.crisis;

import static io.attune.server.support.SegmentMessage.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditEntry;
import io.attune.core.audit.AuditFilter;
import io.attune.core.audit.AuditSubject;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.workspace.Credentials;
import io.attune.core.workspace.Role;
import io.attune.server.support.ApiClient;
import io.attune.server.support.Receiver;
import io.attune.server.support.SegmentMessage;
import io.attune.server.support.ServedStore;
import io.attune.store.Store;
import io.attune.store.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crisis language through real HTTP ingestion, the real store and a real receiver on loopback
 * (CRISIS-01..05): the response carries 988/911, the lead is held whatever follows, sales hears
 * nothing, the clinical team is alerted without the text, and only a clinician clears the hold.
 */
abstract class CrisisContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "my son says he wants to die";
    private ServedStore served;
    private Clock clock;
    private Store store;
    private ApiClient client;
    private Credentials credentials;
    private Receiver sales;
    private Receiver clinical;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void start() {
        served = ServedStore.start(engine());
        clock = served.clock();
        store = served.store();
        credentials = served.credentials();
        client = served.client();
        sales = served.receiver();
        clinical = served.receiver();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void a_parent_s_crisis_message_holds_the_lead_alerts_the_clinician_and_only_a_clinician_clears_it()
            throws IOException {
        destination("crm", sales, List.of("lead.mql", "lead.sql"), List.of("state"));
        destination("clinical", clinical, List.of("lead.crisis_hold"), List.of("state", "message"));
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));

        ApiClient.Reply reply = ingest(List.of(
                event("identify", "i-1", at, "traits", Map.of("email", "pat.doe@gmail.com", "state", "CA")),
                event("track", "t-1", at.plusSeconds(60), "properties",
                        Map.of("form", "contact", "message", TEXT)).with("event", "Form Submitted")));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("crisis").path("messages")).extracting(JsonNode::asInt).containsExactly(1);
        JsonNode resources = body.path("crisis").path("resources");
        assertThat(resources.path("emergency").asText()).isEqualTo("911");
        assertThat(resources.path("lifeline").asText()).isEqualTo("988");
        assertThat(resources.path("text").asText()).contains("988lifeline.org");

        // high intent afterwards: the lead stays held, and sales hears nothing
        ingest(List.of(event("track", "t-2", at.plusSeconds(120), "properties", Map.of()).with("event",
                "Intake Started"), event("track", "t-3", at.plusSeconds(180), "properties", Map.of())
                .with("event", "Appointment Booked")));

        JsonNode lead = api("/api/leads?identity=pat-1").path("items").get(0);
        String id = lead.path("id").asText();
        JsonNode document = api("/api/leads/" + id);
        assertThat(document.path("stage").asText()).isEqualTo("crisis_hold");
        assertThat(document.path("crisis").path("held").asBoolean()).isTrue();
        assertThat(document.path("crisis").path("thirdPerson").asBoolean()).isTrue();
        assertThat(document.path("crisis").path("families")).extracting(JsonNode::asText).contains("ideation_direct");
        assertThat(document.path("crisis").path("resources").path("emergency").asText()).isEqualTo("911");
        assertThat(document.toString()).doesNotContain("wants to die");

        Receiver.Request alert = clinical.next(1).get(0);
        String alerted = new String(alert.body(), StandardCharsets.UTF_8);
        JsonNode event = JSON.readTree(alert.body());
        assertThat(event.path("type").asText()).isEqualTo("lead.crisis_hold");
        assertThat(event.path("data").path("lead").asText()).isEqualTo(id);
        assertThat(event.path("data").path("fields").path("state").asText()).isEqualTo("CA");
        assertThat(alerted).doesNotContain("wants to die").doesNotContain("son says");
        assertThat(outbox("lead.mql")).isEmpty();
        assertThat(sales.unread()).isEmpty();

        ApiClient.Reply byAdmin = client.send("POST", "/api/leads/" + id + "/crisis/clear",
                headers(credentials.adminKey()), bytes(Map.of("note", "spoke with the family", "clinician", "dr-ng")));
        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(byAdmin.body()).contains("clinician");

        String clinicianKey = store.workspaces().issueApiKey(credentials.workspace().id(), Role.CLINICIAN,
                "on-call clinician", clock.instant());
        ApiClient.Reply cleared = client.send("POST", "/api/leads/" + id + "/crisis/clear", headers(clinicianKey),
                bytes(Map.of("note", "spoke with the family; safety plan in place", "clinician", "dr-ng")));
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().path("transition").path("from").asText()).isEqualTo("crisis_hold");
        assertThat(cleared.json().path("transition").path("actor").asText()).isEqualTo("user:dr-ng");
        assertThat(api("/api/leads/" + id).path("crisis").path("held").asBoolean()).isFalse();
        JsonNode transitions = api("/api/leads/" + id + "/transitions").path("items");
        assertThat(transitions).extracting(t -> t.path("to").asText() + " " + t.path("actor").asText())
                .contains("crisis_hold system:crisis-screen");
        assertThat(transitions.toString()).doesNotContain("wants to die");
        assertThat(outbox("lead.mql")).as("clearing announces nothing").isEmpty();
        List<AuditEntry> overrides = store.audit().entries(credentials.workspace().id(), new AuditFilter(
                Optional.of(AuditAction.POLICY_OVERRIDE), Optional.empty(), Optional.empty(), Optional.empty()),
                Optional.empty(), 10).items();
        assertThat(overrides).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(new Actor.User("dr-ng"));
            assertThat(entry.subject()).contains(AuditSubject.lead(new LeadId(id)));
            assertThat(entry.details().get("policy")).containsExactly("crisis_hold");
            assertThat(entry.details().toString()).doesNotContain("safety plan");
        });
    }

    @Test
    void an_idiom_only_flags_the_lead_for_review() {
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        ApiClient.Reply reply = ingest(List.of(event("track", "t-1", at, "properties",
                Map.of("comment", "dying to try your app")).with("event", "Feedback Sent")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("crisis")).isFalse();
        String id = api("/api/leads?identity=pat-1").path("items").get(0).path("id").asText();
        JsonNode document = api("/api/leads/" + id);
        assertThat(document.path("stage").asText()).isNotEqualTo("crisis_hold");
        assertThat(document.path("crisis").path("held").asBoolean()).isFalse();
        assertThat(document.path("crisis").path("reviews")).hasSize(1);
        assertThat(document.path("crisis").path("reviews").get(0).path("lowPriority").asBoolean()).isTrue();
    }

    private ApiClient.Reply ingest(List<SegmentMessage> messages) {
        return SegmentMessage.batch(client, credentials.writeKey(), messages);
    }

    private void destination(String id, Receiver receiver, List<String> types, List<String> fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Team " + id);
        body.put("url", receiver.url().toString());
        body.put("types", types);
        body.put("fields", fields);
        body.put("kind", "crm");
        body.put("baa", true);
        ApiClient.Reply reply = client.send("PUT", "/api/destinations/" + id, headers(credentials.adminKey()),
                bytes(body));
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }

    private List<String> outbox(String type) {
        return store.database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT message_id FROM outbox WHERE type = :type").bind("type", type).mapTo(String.class).list());
    }

    private JsonNode api(String path) {
        ApiClient.Reply reply = client.get(path, credentials.adminKey());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static Map<String, String> headers(String key) {
        return Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json");
    }

    private static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
