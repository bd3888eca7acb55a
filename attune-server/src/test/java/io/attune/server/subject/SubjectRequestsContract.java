package io.attune.server.subject;

import static io.attune.server.support.SegmentMessage.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.workspace.Credentials;
import io.attune.server.support.ApiClient;
import io.attune.server.support.Documented;
import io.attune.server.support.MovableClock;
import io.attune.server.support.Poll;
import io.attune.server.support.Receiver;
import io.attune.server.support.SegmentMessage;
import io.attune.server.support.ServedStore;
import io.attune.server.webhook.WebhookSecret;
import io.attune.server.webhook.WebhookVerifier;
import io.attune.store.Store;
import io.attune.store.testing.TestDatabase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data-subject requests over real HTTP, with the real store, dispatcher and loopback receivers: the
 * export holds the person's events, consents and transitions; the erasure leaves no row with their
 * lead id or identities, sends a signed lead.deleted to the destination that received the MQL and
 * nothing to one that never received anything, keeps the audit chain intact, and a retry is harmless.
 * Each request is on record with its deadline (USE-06): the deletion's recipient goes from queued to
 * delivered to confirmed, and the request shows overdue once the clock passes its due date.
 */
abstract class SubjectRequestsContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "pat.doe@gmail.com";
    private ServedStore served;
    private MovableClock clock;
    private Store store;
    private ApiClient client;
    private Credentials credentials;
    private Receiver intake;
    private Receiver billing;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void start() {
        clock = new MovableClock();
        served = ServedStore.start(engine(), clock);
        store = served.store();
        credentials = served.credentials();
        client = served.client();
        intake = served.receiver();
        billing = served.receiver();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void a_person_is_exported_then_erased_and_the_destination_that_received_them_is_asked_to_delete()
            throws IOException {
        String intakeSecret = destination("intake", intake, List.of("lead.mql"));
        destination("billing", billing, List.of("lead.customer"));
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        ingest(List.of(
                event("identify", "i-1", at, "traits", Map.of("email", EMAIL, "state", "CA", "age", 40, "consent",
                        Map.of("email_marketing", Map.of("granted", true, "text", "Email me news", "method",
                                "web_form")))),
                event("track", "t-1", at.plusSeconds(60), "properties", Map.of()).with("event",
                        "Insurance Check Completed"),
                event("track", "t-2", at.plusSeconds(120), "properties", Map.of()).with("event", "Intake Started"),
                event("track", "t-3", at.plusSeconds(180), "properties", Map.of()).with("event",
                        "Appointment Booked")));
        String id = api("/api/leads?identity=pat-1").path("items").get(0).path("id").asText();
        JsonNode mql = JSON.readTree(intake.next(1).get(0).body());
        assertThat(mql.path("type").asText()).isEqualTo("lead.mql");

        ApiClient.Reply byReader = client.get("/api/leads/" + id + "/export", store.workspaces()
                .issueApiKey(credentials.workspace().id(), io.attune.core.workspace.Role.READ, "reader",
                        clock.instant()));
        assertThat(byReader.status()).isEqualTo(403);
        JsonNode export = api("/api/leads/" + id + "/export");
        assertThat(export.path("lead").asText()).isEqualTo(id);
        assertThat(export.path("events")).extracting(event -> event.path("messageId").asText())
                .containsExactly("i-1", "t-1", "t-2", "t-3");
        assertThat(export.path("consents")).extracting(consent -> consent.path("disclosure").asText())
                .containsExactly("Email me news");
        assertThat(export.path("transitions")).extracting(move -> move.path("toStage").asText()).contains("mql");
        assertThat(export.path("egressDecisions")).extracting(decision -> decision.path("destinationId").asText())
                .contains("intake");
        assertThat(rows("SELECT action FROM audit_log WHERE subject = ? AND details LIKE ?", "lead:" + id,
                "%/export%")).containsExactly("phi.read");

        ApiClient.Reply invalid = client.send("DELETE", "/api/leads/" + id, headers(credentials.adminKey()),
                bytes(Map.of("reason", "")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("invalid-params")).extracting(param -> param.path("name").asText())
                .containsExactly("requestedBy", "reason");

        ApiClient.Reply erased = erase(id);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("notified")).extracting(JsonNode::asText).containsExactly("intake");
        for (String table : List.of("events", "identities", "leads", "consents", "transitions", "lead_actions",
                "sla_timers", "outcomes", "pool_assignments")) {
            assertThat(rows("SELECT lead_id FROM " + table + " WHERE lead_id = ?", id)).as(table).isEmpty();
        }
        assertThat(rows("SELECT value FROM identities WHERE value IN (?, ?)", "pat-1", EMAIL)).isEmpty();
        assertThat(rows("SELECT type FROM outbox WHERE subject = ?", id)).containsExactly("lead.deleted");

        Receiver.Request request = intake.next(1).get(0);
        JsonNode deleted = JSON.readTree(request.body());
        assertThat(deleted.path("type").asText()).isEqualTo("lead.deleted");
        assertThat(deleted.path("data").path("lead").asText()).isEqualTo(id);
        assertThat(deleted.path("data").path("fields").path("email").asText()).isEqualTo(EMAIL);
        assertThat(deleted.path("data").path("fields").has("state")).isFalse();
        assertThat(new WebhookVerifier(List.of(WebhookSecret.parse(intakeSecret)), clock)
                .verify(request.headers(), request.body()).verified()).isTrue();
        assertThat(billing.unread()).isEmpty();

        String erasedOn = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        for (String path : List.of("/api/leads/" + id, "/api/leads/" + id + "/export")) {
            ApiClient.Reply gone = client.get(path, credentials.adminKey());
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.json().path("detail").asText()).as(path).contains("erased on " + erasedOn);
        }
        ApiClient.Reply again = erase(id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("type").asText()).isEqualTo("urn:attune:problem:erased");
        assertThat(api("/api/audit/verify").path("intact").asBoolean()).as("the audit chain is untouched").isTrue();
        assertThat(billing.unread()).isEmpty();
    }

    @Test
    void the_deletion_request_tracks_its_recipient_from_queued_to_delivered_to_confirmed_and_shows_overdue_when_late()
            throws IOException {
        destination("intake", intake, List.of("lead.mql"));
        destination("billing", billing, List.of("lead.customer"));
        String id = mql("CA");
        assertThat(intake.next(1)).as("the MQL reached intake").hasSize(1);
        destination("intake", intake, List.of("lead.mql"), false);
        assertThat(erase(id).status()).isEqualTo(200);

        JsonNode open = listed("open");
        assertThat(open.path("items")).hasSize(1);
        JsonNode request = open.path("items").get(0);
        String requestId = request.path("id").asText();
        assertThat(request.path("kind").asText()).isEqualTo("deletion");
        assertThat(request.path("lead").asText()).isEqualTo(id);
        assertThat(request.path("jurisdiction").asText()).isEqualTo("CA");
        assertThat(request.path("law").asText()).isEqualTo("California Consumer Privacy Act (CPRA)");
        assertThat(request.path("daysLeft").asLong()).isEqualTo(45);
        assertThat(request.path("overdue").asBoolean()).isFalse();
        assertThat(request.path("recipients")).singleElement().satisfies(recipient -> {
            assertThat(recipient.path("destination").asText()).isEqualTo("intake");
            assertThat(recipient.path("state").asText()).as("the intake destination is paused").isEqualTo("queued");
        });

        ApiClient.Reply stranger = post("/api/subject-requests/" + requestId + "/confirmations",
                Map.of("destination", "billing"));
        Documented.problem(stranger, 400, "invalid-params");
        assertThat(stranger.json().path("invalid-params")).singleElement().satisfies(param -> {
            assertThat(param.path("name").asText()).isEqualTo("destination");
            assertThat(param.path("reason").asText()).contains("not a recipient", "intake");
        });

        clock.moveOn(Duration.ofDays(46));
        assertThat(listed("open").path("items")).isEmpty();
        JsonNode late = listed("overdue").path("items").get(0);
        assertThat(late.path("id").asText()).isEqualTo(requestId);
        assertThat(late.path("overdue").asBoolean()).isTrue();
        assertThat(late.path("daysLeft").asLong()).isEqualTo(-1);
        Documented.problem(post("/api/subject-requests/" + requestId + "/extension", Map.of("days", 30, "reason",
                "the CRM vendor must restore a backup")), 409, "rights-request-refused");

        destination("intake", intake, List.of("lead.mql"));
        assertThat(JSON.readTree(intake.next(1).get(0).body()).path("type").asText()).isEqualTo("lead.deleted");
        awaitRecipient(requestId, "delivered");

        ApiClient.Reply confirmed = Documented.as(post("/api/subject-requests/" + requestId + "/confirmations",
                Map.of("destination", "intake", "reference", "CRM-4411")), "POST",
                "/api/subject-requests/{id}/confirmations");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("closed");
        assertThat(confirmed.json().path("overdue").asBoolean()).isFalse();
        assertThat(confirmed.json().path("recipients").get(0).path("state").asText()).isEqualTo("confirmed");
        assertThat(confirmed.json().path("recipients").get(0).path("reference").asText()).isEqualTo("CRM-4411");
        assertThat(listed("closed").path("items")).extracting(item -> item.path("id").asText())
                .containsExactly(requestId);
        assertThat(api("/api/audit?subject=subject_request:" + requestId).path("items"))
                .extracting(entry -> entry.path("action").asText())
                .containsExactly("subject_request.opened", "subject_request.settled", "subject_request.closed");
        assertThat(api("/api/audit/verify").path("intact").asBoolean()).isTrue();
    }

    @Test
    void an_export_and_a_consent_withdrawal_are_recorded_as_requests_fulfilled_when_received() {
        String id = mql("WA");
        api("/api/leads/" + id + "/export?requestedBy=privacy-officer");
        ApiClient.Reply revoked = post("/api/leads/" + id + "/consents", Map.of("purpose", "email_marketing",
                "granted", false, "method", "verbal", "user", "front-desk-2"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);

        JsonNode closed = Documented.as(client.get("/api/subject-requests?status=closed", credentials.adminKey()),
                "GET", "/api/subject-requests").json();
        assertThat(closed.path("items")).extracting(item -> item.path("kind").asText())
                .containsExactly("access", "consent_withdrawal");
        JsonNode access = closed.path("items").get(0);
        assertThat(access.path("requestedBy").asText()).isEqualTo("privacy-officer");
        assertThat(access.path("jurisdiction").asText()).isEqualTo("WA");
        assertThat(access.path("closedAt").asText()).isEqualTo(access.path("receivedAt").asText());
        JsonNode withdrawal = closed.path("items").get(1);
        assertThat(withdrawal.path("requestedBy").asText()).isEqualTo("user:front-desk-2");
        assertThat(withdrawal.path("dueAt").asText()).as("due at once").isEqualTo(withdrawal.path("receivedAt")
                .asText());
        assertThat(listed("open").path("items")).isEmpty();

        ApiClient.Reply empty = post("/api/subject-requests/" + access.path("id").asText() + "/extension", Map.of());
        Documented.problem(empty, 400, "invalid-params");
        assertThat(empty.json().path("invalid-params")).extracting(param -> param.path("name").asText())
                .containsExactlyInAnyOrder("reason", "days");
        Documented.problem(post("/api/subject-requests/" + access.path("id").asText() + "/extension", Map.of("days", 10,
                "reason", "more time")), 409, "rights-request-refused");
        Documented.problem(client.get("/api/subject-requests/sr_0123456789abcdef01234567", credentials.adminKey()),
                404, "not-found");
        Documented.problem(client.get("/api/subject-requests?status=late", credentials.adminKey()), 400,
                "invalid-params");
    }

    /** A lead living in {@code state} who becomes an MQL (handed off to intake, if it is there); answers its id. */
    private String mql(String state) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        ingest(List.of(
                event("identify", "i-1", at, "traits", Map.of("email", EMAIL, "state", state, "age", 40, "consent",
                        Map.of("email_marketing", Map.of("granted", true, "text", "Email me news", "method",
                                "web_form")))),
                event("track", "t-1", at.plusSeconds(60), "properties", Map.of()).with("event",
                        "Insurance Check Completed"),
                event("track", "t-2", at.plusSeconds(120), "properties", Map.of()).with("event", "Intake Started"),
                event("track", "t-3", at.plusSeconds(180), "properties", Map.of()).with("event",
                        "Appointment Booked")));
        return api("/api/leads?identity=pat-1").path("items").get(0).path("id").asText();
    }

    private JsonNode listed(String status) {
        return Documented.as(client.get("/api/subject-requests?status=" + status, credentials.adminKey()), "GET",
                "/api/subject-requests").json();
    }

    /** Polls the request until its one recipient reads {@code state}, or fails after a generous wait. */
    private void awaitRecipient(String requestId, String state) {
        Poll.until(() -> Documented.as(client.get("/api/subject-requests/" + requestId, credentials.adminKey()), "GET",
                "/api/subject-requests/{id}").json(),
                request -> request.path("recipients").get(0).path("state").asText().equals(state),
                "the recipient " + state);
    }

    private ApiClient.Reply post(String path, Map<String, Object> body) {
        return client.send("POST", path, headers(credentials.adminKey()), bytes(body));
    }

    private ApiClient.Reply erase(String id) {
        return client.send("DELETE", "/api/leads/" + id, headers(credentials.adminKey()),
                bytes(Map.of("requestedBy", "privacy-officer", "reason", "data-subject request")));
    }

    private void ingest(List<SegmentMessage> messages) {
        SegmentMessage.batch(client, credentials.writeKey(), messages);
    }

    /** Creates an intake destination with a BAA that may receive the email; answers its signing secret. */
    private String destination(String id, Receiver receiver, List<String> types) {
        return destination(id, receiver, types, true);
    }

    /** As {@link #destination(String, Receiver, List)}, paused when not {@code enabled}: nothing is sent to it. */
    private String destination(String id, Receiver receiver, List<String> types, boolean enabled) {
        Map<String, Object> body = new HashMap<>();
        body.put("enabled", enabled);
        body.put("name", "Team " + id);
        body.put("url", receiver.url().toString());
        body.put("types", types);
        body.put("fields", List.of("email", "state"));
        body.put("kind", "intake");
        body.put("baa", true);
        ApiClient.Reply reply = client.send("PUT", "/api/destinations/" + id, headers(credentials.adminKey()),
                bytes(body));
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        return reply.json().path("signingSecret").asText();
    }

    private List<String> rows(String sql, Object... parameters) {
        return store.database().jdbi().withHandle(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.bind(i, parameters[i]);
            }
            return query.mapTo(String.class).list();
        });
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
