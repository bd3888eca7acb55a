package io.attune.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.egress.EgressDecision;
import io.attune.core.egress.EgressRecord;
import io.attune.core.egress.EgressRule;
import io.attune.core.egress.FlowKind;
import io.attune.core.egress.OutboundPayload;
import io.attune.core.egress.Redaction;
import io.attune.core.event.Attributes;
import io.attune.core.handoff.DeliveryAttempt;
import io.attune.core.handoff.DeliveryAttempt.Outcome;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffData;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.handoff.PendingDelivery;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataClass;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.fakes.InMemoryOutbox;
import io.attune.server.fakes.Tenant;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox over HTTP, over the in-memory outbox: messages are written and tried through the port
 * as the writer and the dispatcher do (claim, then record the attempt), and read and replayed over
 * the API. Each test gets a fresh fixture, because replays change it.
 */
class OutboxRoutesIT {
    private static final Instant NOW = ApiFixture.NOW;
    private static final Instant FIRST_TRY = NOW.minus(Duration.ofMinutes(10));
    private static final Instant SECOND_TRY = NOW.minus(Duration.ofMinutes(5));

    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();
    private final InMemoryOutbox outbox = fixture.store.outbox();

    @AfterEach
    void stop() {
        running.close();
    }

    private Reply get(String path, Tenant tenant) {
        return client.get(path, tenant.readKey());
    }

    private Reply replay(String id, String key) {
        return client.send("POST", "/api/outbox/" + id + "/replay", Map.of("Authorization", "Bearer " + key));
    }

    /** A hand-off about {@code lead} to acme's crm destination, written when the lead became an MQL. */
    private OutboundMessage written(String id, String lead, int maxAttempts) {
        HandOffData data = new HandOffData(lead, Segment.EMPLOYER, Stage.MQL, Stage.LEAD, "score reached 60",
                "model:employer-test@1", new ModelVersion("employer-test", 1), 20, 41.25, 0, List.of(), Optional.empty(),
                Attributes.of(Map.of("email", "pat@acme-corp.com")));
        OutboundMessage message = new OutboundMessage(id, new DestinationId("crm"), lead, HandOffType.LEAD_MQL,
                ApiFixture.T0, data);
        outbox.add(fixture.acme.id(), message, maxAttempts);
        return message;
    }

    /** One attempt as the dispatcher makes it: the message is due and claimed, and the outcome recorded. */
    private void tried(String id, Instant at, Outcome outcome, OptionalInt status, Optional<String> error,
            Optional<Instant> retryAt) {
        PendingDelivery due = outbox.due(at, 100).stream().filter(d -> d.message().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not due at " + at));
        assertThat(outbox.claim(due, at, at.plusSeconds(30))).isTrue();
        outbox.attempted(new DeliveryAttempt(id, due.attempts() + 1, at, outcome, status, 120, error), retryAt);
    }

    /** A message tried twice and given up on: rejected with a 503, then no answer in time. */
    private void deadLetter(String id, String lead) {
        written(id, lead, 2);
        tried(id, FIRST_TRY, Outcome.REJECTED, OptionalInt.of(503), Optional.empty(), Optional.of(SECOND_TRY));
        tried(id, SECOND_TRY, Outcome.TIMED_OUT, OptionalInt.empty(), Optional.of("no answer within 10s"),
                Optional.empty());
    }

    private void delivered(String id, String lead) {
        written(id, lead, 20);
        tried(id, FIRST_TRY, Outcome.DELIVERED, OptionalInt.of(204), Optional.empty(), Optional.empty());
    }

    @Test
    void dead_letters_list_the_messages_given_up_on_newest_first_with_their_last_error() {
        deadLetter("msg_dead", "ld_pat");
        delivered("msg_delivered", "ld_casey");
        written("msg_pending", "ld_eve", 20);
        written("msg_dead_later", "ld_gina", 1);
        tried("msg_dead_later", SECOND_TRY, Outcome.REJECTED, OptionalInt.of(500), Optional.empty(), Optional.empty());

        Reply reply = Documented.as(get("/api/outbox/dead-letters", fixture.acme), "GET", "/api/outbox/dead-letters");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode items = reply.json().path("items");
        assertThat(items).extracting(item -> item.path("id").asText()).containsExactly("msg_dead_later", "msg_dead");
        JsonNode dead = items.get(1);
        assertThat(dead.path("lastError").asText()).isEqualTo("no answer within 10s");
        assertThat(dead.path("attempts").asInt()).isEqualTo(2);
        assertThat(dead.path("destination").asText()).isEqualTo("crm");
        assertThat(dead.path("subject").asText()).isEqualTo("ld_pat");
        assertThat(dead.path("type").asText()).isEqualTo("lead.mql");
        assertThat(dead.path("at").asText()).isEqualTo(ApiFixture.T0.toString());
        assertThat(items.get(0).path("lastError").asText()).as("without an error, the status the receiver answered")
                .isEqualTo("HTTP 500");
    }

    @Test
    void a_message_shows_its_status_and_every_attempt() {
        deadLetter("msg_dead", "ld_pat");

        Reply reply = Documented.as(get("/api/outbox/msg_dead", fixture.acme), "GET", "/api/outbox/{id}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode message = reply.json();
        assertThat(message.path("id").asText()).isEqualTo("msg_dead");
        assertThat(message.path("status").asText()).isEqualTo("dead");
        JsonNode attempts = message.path("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).path("attempt").asInt()).isEqualTo(1);
        assertThat(attempts.get(0).path("outcome").asText()).isEqualTo("rejected");
        assertThat(attempts.get(0).path("status").asInt()).isEqualTo(503);
        assertThat(attempts.get(0).path("latencyMillis").asLong()).isEqualTo(120);
        assertThat(attempts.get(0).path("at").asText()).isEqualTo(FIRST_TRY.toString());
        assertThat(attempts.get(0).has("error")).isFalse();
        assertThat(attempts.get(1).path("attempt").asInt()).isEqualTo(2);
        assertThat(attempts.get(1).path("outcome").asText()).isEqualTo("timed_out");
        assertThat(attempts.get(1).has("status")).as("no answer, no status").isFalse();
        assertThat(attempts.get(1).path("error").asText()).isEqualTo("no answer within 10s");

        delivered("msg_delivered", "ld_casey");
        JsonNode ok = Documented.as(get("/api/outbox/msg_delivered", fixture.acme), "GET", "/api/outbox/{id}").json();
        assertThat(ok.path("status").asText()).isEqualTo("delivered");
        assertThat(ok.at("/attempts/0/outcome").asText()).isEqualTo("delivered");
    }

    @Test
    void a_replayed_dead_letter_is_pending_again_and_due_now_with_a_fresh_count() {
        deadLetter("msg_dead", "ld_pat");

        Reply reply = Documented.as(replay("msg_dead", fixture.acme.adminKey()), "POST", "/api/outbox/{id}/replay");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("pending");
        assertThat(reply.json().path("attempts")).as("the earlier attempts stay on record").hasSize(2);
        assertThat(get("/api/outbox/msg_dead", fixture.acme).json().path("status").asText()).isEqualTo("pending");
        assertThat(get("/api/outbox/dead-letters", fixture.acme).json().path("items")).isEmpty();
        assertThat(outbox.due(NOW, 10)).singleElement().satisfies(due -> {
            assertThat(due.message().id()).isEqualTo("msg_dead");
            assertThat(due.attempts()).isZero();
        });
        assertThat(outbox.due(NOW.minusMillis(1), 10)).as("due from the replay on").isEmpty();
    }

    @Test
    void only_a_dead_letter_can_be_replayed() {
        delivered("msg_delivered", "ld_casey");
        written("msg_pending", "ld_eve", 20);

        Documented.problem(replay("msg_delivered", fixture.acme.adminKey()), 409, "not-dead-lettered");
        Documented.problem(replay("msg_pending", fixture.acme.adminKey()), 409, "not-dead-lettered");
        assertThat(outbox.status(fixture.acme.id(), "msg_delivered")).contains("delivered");
        assertThat(outbox.attempts(fixture.acme.id(), "msg_delivered")).hasSize(1);
        assertThat(outbox.status(fixture.acme.id(), "msg_pending")).contains("pending");
    }

    /** A message the egress policy blocked at its first try, as the dispatcher records it. */
    private void blocked(String id, String lead) {
        OutboundMessage message = written(id, lead, 20);
        PendingDelivery due = outbox.due(FIRST_TRY, 100).stream().filter(d -> d.message().id().equals(id))
                .findFirst().orElseThrow();
        assertThat(outbox.claim(due, FIRST_TRY, FIRST_TRY.plusSeconds(30))).isTrue();
        EgressDecision decision = new EgressDecision.Blocked(Set.of(EgressRule.TRK_02),
                "a consumer lead is PHI and the destination has no BAA (TRK-02)");
        fixture.store.egress().record(EgressRecord.of(fixture.acme.id(), message, 1, FIRST_TRY, decision));
        assertThat(outbox.block(due, "a consumer lead is PHI and the destination has no BAA (TRK-02)")).isTrue();
    }

    @Test
    void a_message_shows_every_egress_decision_with_its_rules_and_redacted_field_names() {
        OutboundMessage message = written("msg_redacted", "ld_pat", 20);
        fixture.store.egress().record(EgressRecord.of(fixture.acme.id(), message, 1, FIRST_TRY,
                new EgressDecision.Redacted(new OutboundPayload(FlowKind.HAND_OFF, "lead.mql", Segment.EMPLOYER, false,
                        Optional.empty(), FIRST_TRY, List.of()), List.of(new Redaction("diagnosis", DataClass.HEALTH,
                        Redaction.Treatment.REMOVED, Set.of(EgressRule.TRK_02))))));

        JsonNode shown = Documented.as(get("/api/outbox/msg_redacted", fixture.acme), "GET", "/api/outbox/{id}").json();

        assertThat(shown.path("decisions")).singleElement().satisfies(decision -> {
            assertThat(decision.path("outcome").asText()).isEqualTo("redacted");
            assertThat(decision.path("attempt").asInt()).isEqualTo(1);
            assertThat(decision.path("destination").asText()).isEqualTo("crm");
            assertThat(decision.path("rules")).extracting(JsonNode::asText).containsExactly("TRK-02");
            assertThat(decision.at("/redactions/0/field").asText()).isEqualTo("diagnosis");
            assertThat(decision.at("/redactions/0/dataClass").asText()).isEqualTo("health");
            assertThat(decision.at("/redactions/0/treatment").asText()).isEqualTo("removed");
            assertThat(decision.has("reason")).isFalse();
        });
    }

    @Test
    void a_blocked_message_is_final_not_a_dead_letter_and_cannot_be_replayed() {
        blocked("msg_blocked", "ld_pat");

        JsonNode shown = Documented.as(get("/api/outbox/msg_blocked", fixture.acme), "GET", "/api/outbox/{id}").json();

        assertThat(shown.path("status").asText()).isEqualTo("blocked");
        assertThat(shown.path("attempts")).as("nothing was sent").isEmpty();
        assertThat(shown.at("/decisions/0/outcome").asText()).isEqualTo("blocked");
        assertThat(shown.at("/decisions/0/reason").asText()).contains("no BAA");
        assertThat(get("/api/outbox/dead-letters", fixture.acme).json().path("items")).isEmpty();
        Documented.problem(replay("msg_blocked", fixture.acme.adminKey()), 409, "not-dead-lettered");
        assertThat(outbox.status(fixture.acme.id(), "msg_blocked")).contains("blocked");
        assertThat(outbox.due(NOW.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void an_unknown_message_is_not_found() {
        Documented.problem(get("/api/outbox/msg_nothing", fixture.acme), 404, "not-found");
        Documented.problem(replay("msg_nothing", fixture.acme.adminKey()), 404, "not-found");
    }

    @Test
    void another_workspace_can_neither_see_nor_replay_a_message() {
        deadLetter("msg_dead", "ld_pat");
        WorkspaceId acme = fixture.acme.id();

        assertThat(Documented.as(get("/api/outbox/dead-letters", fixture.globex), "GET", "/api/outbox/dead-letters")
                .json().path("items")).isEmpty();
        Documented.problem(get("/api/outbox/msg_dead", fixture.globex), 404, "not-found");
        Documented.problem(replay("msg_dead", fixture.globex.adminKey()), 404, "not-found");
        assertThat(outbox.status(acme, "msg_dead")).contains("dead");
        assertThat(get("/api/outbox/dead-letters", fixture.acme).json().path("items")).hasSize(1);
    }

    @Test
    void a_read_key_may_look_but_not_replay() {
        deadLetter("msg_dead", "ld_pat");

        assertThat(get("/api/outbox/msg_dead", fixture.acme).status()).isEqualTo(200);
        Documented.problem(replay("msg_dead", fixture.acme.readKey()), 403, "forbidden");
        assertThat(outbox.status(fixture.acme.id(), "msg_dead")).contains("dead");
    }
}
