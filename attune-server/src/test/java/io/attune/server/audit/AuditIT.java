package io.attune.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditEntry;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.event.Attributes;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.HandOffData;
import io.attune.core.handoff.HandOffType;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.server.fakes.FakeAuditLog;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reads of lead data over HTTP are recorded in the audit log, with the API key as actor, before they
 * are answered, and a read that cannot be recorded is not answered; the log is listed and verified by
 * admin keys only. Each test gets a fresh fixture, and so a fresh log.
 */
class AuditIT {
    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();
    private final FakeAuditLog audit = fixture.store.audit();

    @AfterEach
    void stop() {
        running.close();
    }

    private List<AuditEntry> log() {
        return audit.all(fixture.acme.id());
    }

    private Reply read(String path) {
        Reply reply = client.get(path, fixture.acme.readKey());
        assertThat(reply.status()).as(path + ": " + reply.body()).isIn(200, 404);
        return reply;
    }

    private static List<String> routesAndSubjects(List<AuditEntry> entries) {
        return entries.stream().map(entry -> entry.details().get("route").get(0) + " "
                + entry.subject().map(AuditSubject::wire).orElse("-")).toList();
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String lead(LeadId id) {
        return AuditSubject.lead(id).wire();
    }

    @Test
    void reading_a_lead_records_who_read_it_by_which_route_and_request() {
        Reply reply = read("/api/leads/" + fixture.pat.value());

        assertThat(log()).hasSize(1);
        AuditEntry entry = log().get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.PHI_READ);
        assertThat(entry.subject()).contains(AuditSubject.lead(fixture.pat));
        assertThat(entry.actor()).isEqualTo(new Actor.ApiKey("reader"));
        assertThat(entry.at()).isEqualTo(ApiFixture.NOW);
        assertThat(entry.details().get("route")).containsExactly("GET /api/leads/{id}");
        assertThat(entry.details().get("request")).containsExactly(reply.header("X-Request-Id").orElseThrow());
        assertThat(entry.details().toString()).as("ids and names, never values").doesNotContain("acme-corp.com")
                .doesNotContain("VP Benefits");
        assertThat(audit.all(fixture.globex.id())).as("another workspace's chain").isEmpty();
    }

    @Test
    void every_route_that_answers_lead_data_records_each_lead_it_answered() {
        read("/api/leads/" + fixture.mergedIntoEve.value());
        read("/api/leads/" + fixture.pat.value() + "/transitions");
        List<String> listed = ids(read("/api/leads?limit=3").json().path("items"));
        List<String> mqls = ids(read("/api/mqls").json().path("items"));
        List<String> contacts = ids(read("/api/accounts/" + fixture.acmeAccount.value()).json().path("contacts"));
        read("/api/leads/" + fixture.pat.value() + "/consents");
        read("/api/leads?identity=Pat%40Acme-Corp.com");
        read("/api/leads?identity=nobody%40nowhere.example");
        assertThat(read("/api/leads?stage=customer").json().path("items")).as("nothing answered, nothing read")
                .isEmpty();

        assertThat(listed).hasSize(3);
        assertThat(mqls).isNotEmpty();
        assertThat(contacts).contains(fixture.pat.value());
        List<String> expected = new ArrayList<>();
        expected.add("GET /api/leads/{id} " + lead(fixture.eve));
        expected.add("GET /api/leads/{id}/transitions " + lead(fixture.pat));
        listed.forEach(id -> expected.add("GET /api/leads lead:" + id));
        mqls.forEach(id -> expected.add("GET /api/mqls lead:" + id));
        contacts.forEach(id -> expected.add("GET /api/accounts/{id} lead:" + id));
        expected.add("GET /api/leads/{id}/consents " + lead(fixture.pat));
        expected.add("GET /api/leads " + lead(fixture.pat));
        expected.add("GET /api/leads -");
        List<AuditEntry> log = log();
        assertThat(routesAndSubjects(log)).containsExactlyElementsOf(expected);
        assertThat(log.get(0).details().get("asked")).as("the id asked for was merged away")
                .containsExactly(fixture.mergedIntoEve.value());
        assertThat(log.get(log.size() - 2).details().get("lookup")).containsExactly("identity");
        assertThat(log.get(log.size() - 1).details().get("found")).as("a look-up that found no one is recorded too")
                .containsExactly("false");
        assertThat(log.get(2).details().get("request")).as("one request, one request id")
                .isEqualTo(log.get(4).details().get("request"));
    }

    @Test
    void outcomes_sla_breaches_and_outbox_reads_are_recorded() {
        Reply posted = client.send("POST", "/api/outcomes", Map.of("Authorization", "Bearer " + fixture.acme.adminKey(),
                "Content-Type", "application/json"), """
                {"source":"salesforce","updates":[{"lead":{"id":"%s"},"status":"sql","at":"2026-03-02T10:00:00Z",
                 "bant":{"budget":"approved","authority":"signs","need":"EAP","timeline":"Q3"}}]}"""
                .formatted(fixture.pat.value()).getBytes(StandardCharsets.UTF_8));
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(log()).as("a write is not a read").isEmpty();
        HandOffData data = new HandOffData(fixture.casey.value(), Segment.EMPLOYER, Stage.MQL, Stage.LEAD, "score",
                "model:employer-test@1", new ModelVersion("employer-test", 1), 20, 41.25, 0, List.of(), Optional.empty(),
                Attributes.of(Map.of("email", "casey@gmail.com")));
        fixture.store.outbox().add(fixture.acme.id(), new OutboundMessage("msg_audit1", new DestinationId("crm"),
                fixture.casey.value(), HandOffType.LEAD_MQL, ApiFixture.T0, data), 1);

        List<String> outcomes = read("/api/outcomes").json().path("items").findValuesAsText("lead");
        List<String> breaches = read("/api/sla/breaches").json().path("items").findValuesAsText("lead");
        read("/api/outbox/msg_audit1");
        assertThat(read("/api/outbox/dead-letters").json().path("items")).isEmpty();

        assertThat(outcomes).containsExactly(fixture.pat.value());
        List<String> expected = new ArrayList<>();
        expected.add("GET /api/outcomes " + lead(fixture.pat));
        breaches.stream().distinct().forEach(id -> expected.add("GET /api/sla/breaches lead:" + id));
        expected.add("GET /api/outbox/{id} message:msg_audit1");
        assertThat(routesAndSubjects(log())).containsExactlyElementsOf(expected);
    }

    @Test
    void a_read_whose_audit_entry_cannot_be_written_fails_and_sends_no_lead_data() {
        audit.failAppends(true);

        for (String path : List.of("/api/leads/" + fixture.pat.value(), "/api/leads", "/api/mqls",
                "/api/leads/" + fixture.pat.value() + "/transitions", "/api/accounts/" + fixture.acmeAccount.value(),
                "/api/leads?identity=u-pat")) {
            Reply reply = Documented.problem(client.get(path, fixture.acme.readKey()), 500, "internal");
            assertThat(reply.json().has("items") || reply.json().has("stage")).as(path).isFalse();
            assertThat(reply.body()).as(path).doesNotContain("VP Benefits").doesNotContain("acme-corp.com");
        }
        audit.failAppends(false);
        assertThat(read("/api/leads/" + fixture.pat.value()).status()).isEqualTo(200);
        assertThat(log()).hasSize(1);
    }

    @Test
    void the_log_is_listed_by_admin_keys_filtered_and_paged_in_sequence_order() {
        read("/api/leads/" + fixture.pat.value());
        read("/api/leads/" + fixture.casey.value());
        read("/api/leads/" + fixture.pat.value() + "/transitions");
        audit.append(AuditRecord.of(fixture.acme.id(), ApiFixture.NOW, new Actor.System("dispatcher"),
                AuditAction.EGRESS_DECIDED, AuditSubject.message("msg_1"), AuditDetails.of("decision", "redacted")
                        .and("rules", List.of("TRK-04", "TRK-05"))));

        JsonNode all = list("");
        assertThat(all.path("items")).extracting(item -> item.path("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L);
        JsonNode first = all.path("items").get(0);
        assertThat(first.path("actor").asText()).isEqualTo("key:reader");
        assertThat(first.path("action").asText()).isEqualTo("phi.read");
        assertThat(first.path("subject").asText()).isEqualTo(lead(fixture.pat));
        assertThat(first.path("previousHash").asText()).isEqualTo("0".repeat(64));
        assertThat(all.path("items").get(1).path("previousHash").asText()).isEqualTo(first.path("hash").asText());
        assertThat(all.path("items").get(3).at("/details/rules")).extracting(JsonNode::asText)
                .containsExactly("TRK-04", "TRK-05");

        assertThat(list("?action=phi.read&subject=" + lead(fixture.pat)).path("items"))
                .extracting(item -> item.path("sequence").asLong()).containsExactly(1L, 3L);
        assertThat(list("?actor=system:dispatcher").path("items")).hasSize(1);
        assertThat(list("?since=2030-01-01T00:00:00Z").path("items")).isEmpty();
        List<Long> paged = new ArrayList<>();
        String query = "?limit=3";
        while (query != null) {
            JsonNode page = list(query);
            page.path("items").forEach(item -> paged.add(item.path("sequence").asLong()));
            query = page.path("next").isNull() ? null : "?limit=3&cursor=" + page.path("next").asText();
        }
        assertThat(paged).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void read_keys_may_not_see_the_log_and_bad_filters_are_each_named() {
        Documented.problem(client.get("/api/audit", fixture.acme.readKey()), 403, "forbidden");
        Documented.problem(client.get("/api/audit/verify", fixture.acme.readKey()), 403, "forbidden");

        Reply reply = Documented.problem(client.get("/api/audit?action=PHI&subject=pat&actor=pat&since=today&cursor=x"
                + "&limit=0", fixture.acme.adminKey()), 400, "invalid-params");
        assertThat(reply.json().path("invalid-params")).extracting(param -> param.path("name").asText())
                .containsExactlyInAnyOrder("action", "subject", "actor", "since", "limit");
        Documented.problem(client.get("/api/audit?cursor=bm90LW91cnM", fixture.acme.adminKey()), 400,
                "invalid-params");
        Documented.problem(client.get("/api/audit/verify?anchor=12", fixture.acme.adminKey()), 400, "invalid-params");
    }

    @Test
    void verify_answers_the_head_of_an_intact_log_and_checks_an_anchor() {
        read("/api/leads/" + fixture.pat.value());
        read("/api/leads/" + fixture.casey.value());

        JsonNode verified = verify("");
        assertThat(verified.path("intact").asBoolean()).isTrue();
        assertThat(verified.path("workspace").asText()).isEqualTo(fixture.acme.id().value());
        assertThat(verified.path("checked").asLong()).isEqualTo(2);
        assertThat(verified.at("/head/sequence").asLong()).isEqualTo(2);
        assertThat(verified.at("/head/hash").asText()).isEqualTo(log().get(1).hash());

        String anchor = "2:" + log().get(1).hash();
        assertThat(verify("?anchor=" + anchor).path("intact").asBoolean()).isTrue();
        JsonNode missing = verify("?anchor=5:" + "a".repeat(64));
        assertThat(missing.path("intact").asBoolean()).isFalse();
        assertThat(missing.at("/broken/sequence").asLong()).isEqualTo(3);
        assertThat(missing.at("/broken/problem").asText()).isEqualTo("missing");
        assertThat(missing.at("/broken/detail").asText()).contains("anchored");
    }

    private JsonNode list(String query) {
        Reply reply = Documented.as(client.get("/api/audit" + query, fixture.acme.adminKey()), "GET", "/api/audit");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode verify(String query) {
        Reply reply = Documented.as(client.get("/api/audit/verify" + query, fixture.acme.adminKey()), "GET",
                "/api/audit/verify");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
