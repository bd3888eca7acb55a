package io.attune.server.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outcomes from the CRM over HTTP: each test gets a fresh fixture, because outcomes move leads. */
class OutcomesIT {
    private static final String BANT = """
            {"budget":"$120k approved","authority":"the VP Benefits signs","need":"EAP utilisation is 3%",
             "timeline":"live for open enrolment"}""";

    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();

    @AfterEach
    void stop() {
        running.close();
    }

    private Reply post(String body, String key) {
        return client.send("POST", "/api/outcomes", Map.of("Authorization", "Bearer " + key,
                "Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    private Reply postDocumented(String body) {
        return Documented.as(post(body, fixture.acme.adminKey()), "POST", "/api/outcomes");
    }

    private JsonNode list(String query) {
        Reply reply = Documented.as(client.get("/api/outcomes" + query, fixture.acme.readKey()), "GET",
                "/api/outcomes");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void a_deal_reported_by_the_crm_is_stored_and_moves_the_lead_to_customer() {
        Reply reply = postDocumented("""
                {"source":"salesforce","updates":[
                 {"lead":{"userId":"u-pat"},"status":"won","at":"2026-03-20T16:00:00Z","amount":"120000.00",
                  "currency":"USD","crmId":"0065g00000XyZ12"},
                 {"lead":{"email":"Pat@Acme-Corp.com"},"status":"sql","at":"2026-03-02T10:00:00Z","bant":%s},
                 {"lead":{"id":"%s"},"status":"opportunity","at":"2026-03-09T10:00:00+01:00","crmId":"0065g00000XyZ12"}
                ]}""".formatted(BANT, fixture.pat.value()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode results = reply.json().path("results");
        assertThat(results).extracting(result -> result.path("result").asText())
                .containsExactly("stored", "stored", "stored");
        assertThat(results).extracting(result -> result.path("lead").asText()).containsOnly(fixture.pat.value());
        assertThat(results).extracting(result -> result.at("/stage/from").asText() + "->" + result.at("/stage/to")
                .asText()).containsExactly("opportunity->customer", "mql->sql", "sql->opportunity");
        assertThat(reply.json().at("/summary/moved").asInt()).isEqualTo(3);
        JsonNode lead = client.get("/api/leads/" + fixture.pat.value(), fixture.acme.readKey()).json();
        assertThat(lead.path("stage").asText()).isEqualTo("customer");
        assertThat(lead.at("/sales/won/amount").asText()).isEqualTo("120000");
        JsonNode history = client.get("/api/leads/" + fixture.pat.value() + "/transitions", fixture.acme.readKey())
                .json().path("items");
        assertThat(history.get(history.size() - 1).path("actor").asText()).startsWith("key:");
        JsonNode stored = list("").path("items");
        assertThat(stored).extracting(outcome -> outcome.path("status").asText())
                .containsExactly("sql", "opportunity", "won");
        assertThat(stored.get(1).path("at").asText()).isEqualTo("2026-03-09T09:00:00Z");
        assertThat(stored.get(2).path("amount")).isEqualTo(JsonNodeFactory.instance.objectNode().put("amount", "120000")
                .put("currency", "USD"));
        assertThat(stored.get(2).path("crmId").asText()).isEqualTo("0065g00000XyZ12");
        assertThat(stored.get(2).path("source").asText()).isEqualTo("salesforce");
        assertThat(stored.get(0).path("amount").isNull()).isTrue();
        assertThat(stored.get(0).path("id").asText()).isEqualTo(results.get(1).path("outcome").asText());
    }

    @Test
    void unknown_leads_and_invalid_updates_are_answered_by_index_without_repeating_the_email() {
        Reply reply = postDocumented("""
                {"updates":[
                 {"lead":{"email":"jordan.private@example.org"},"status":"won","at":"2026-03-20T16:00:00Z"},
                 {"lead":{"email":"not-an-address","userId":"u-pat"},"status":"closed","at":"last tuesday",
                  "amount":"lots","colour":"blue"},
                 {"lead":{"userId":"u-casey"},"status":"lost","at":"2026-03-21T09:00:00Z"},
                 {"lead":{"id":"ld_000000000000000000000000"},"status":"sql","at":"2026-03-21T09:00:00Z",
                  "bant":{"budget":"yes"}},
                 "not an object"
                ]}""");

        JsonNode results = reply.json().path("results");
        assertThat(results).extracting(result -> result.path("index").asInt() + ":" + result.path("result").asText())
                .containsExactly("0:unknown_lead", "1:invalid", "2:stored", "3:invalid", "4:invalid");
        assertThat(results.get(0).path("reference").asText()).isEqualTo("email");
        assertThat(reply.body()).doesNotContain("jordan.private").doesNotContain("not-an-address");
        assertThat(results.get(1).path("invalid-params")).extracting(param -> param.path("name").asText())
                .containsExactlyInAnyOrder("colour", "lead", "status", "at", "amount");
        assertThat(results.get(3).path("invalid-params")).extracting(param -> param.path("name").asText())
                .containsExactlyInAnyOrder("bant.authority", "bant.need", "bant.timeline");
        assertThat(reply.json().path("summary")).isEqualTo(JsonNodeFactory.instance.objectNode().put("received", 5)
                .put("stored", 1).put("duplicates", 0).put("unknownLeads", 1).put("invalid", 3).put("moved", 0));
        assertThat(list("").path("items")).singleElement()
                .satisfies(outcome -> assertThat(outcome.path("lead").asText()).isEqualTo(fixture.casey.value()));
    }

    @Test
    void the_same_update_sent_again_is_a_duplicate_and_stored_once() {
        String body = """
                {"updates":[{"lead":{"email":"pat@acme-corp.com"},"status":"sql","at":"2026-03-02T10:00:00Z",
                 "crmId":"00Q5g00000AbCdE","bant":%s}]}""".formatted(BANT);
        JsonNode first = postDocumented(body).json();

        JsonNode again = postDocumented(body).json();

        assertThat(first.at("/results/0/result").asText()).isEqualTo("stored");
        assertThat(again.at("/results/0/result").asText()).isEqualTo("duplicate");
        assertThat(again.at("/results/0/outcome").asText()).isEqualTo(first.at("/results/0/outcome").asText());
        assertThat(again.at("/summary/duplicates").asInt()).isEqualTo(1);
        assertThat(list("").path("items")).hasSize(1);
        JsonNode history = client.get("/api/leads/" + fixture.pat.value() + "/transitions", fixture.acme.readKey())
                .json().path("items");
        assertThat(history).filteredOn(move -> move.path("to").asText().equals("sql")).hasSize(1);
    }

    @Test
    void an_outcome_the_lifecycle_cannot_follow_is_stored_and_the_stage_left_with_the_reason() {
        Reply reply = postDocumented("""
                {"updates":[
                 {"lead":{"userId":"u-pat"},"status":"won","at":"2026-03-20T16:00:00Z","amount":250000},
                 {"lead":{"userId":"u-pat"},"status":"sql","at":"2026-03-02T10:00:00Z"}
                ]}""");

        JsonNode results = reply.json().path("results");
        assertThat(results).extracting(result -> result.path("result").asText()).containsExactly("stored", "stored");
        assertThat(results.get(0).path("stage")).isEqualTo(JsonNodeFactory.instance.objectNode().put("moved", false)
                .put("reason", "cannot won this lead: a lead cannot move from mql to customer; from mql it can move "
                        + "to [crisis_hold, disqualified, recycled, sql]"));
        assertThat(results.get(1).at("/stage/reason").asText()).contains("budget, authority, need and timeline");
        assertThat(client.get("/api/leads/" + fixture.pat.value(), fixture.acme.readKey()).json().path("stage")
                .asText()).isEqualTo("mql");
        assertThat(list("?status=won").path("items")).singleElement().satisfies(outcome ->
                assertThat(outcome.at("/amount/amount").asText()).isEqualTo("250000"));
    }

    @Test
    void only_a_malformed_body_is_refused_whole_and_a_read_key_may_not_send() {
        Documented.problem(post("{not json", fixture.acme.adminKey()), 400, "invalid-params");
        Reply empty = post("{\"updates\":[],\"sender\":\"crm\",\"source\":\"Sales Force\"}", fixture.acme.adminKey());
        Documented.problem(empty, 400, "invalid-params");
        assertThat(empty.json().path("invalid-params")).extracting(param -> param.path("name").asText())
                .containsExactlyInAnyOrder("updates", "sender", "source");
        List<String> updates = new ArrayList<>();
        for (int i = 0; i <= OutcomeBodies.MAX_UPDATES; i++) {
            updates.add("{\"lead\":{\"userId\":\"u-pat\"},\"status\":\"lost\",\"at\":\"2026-03-20T16:00:00Z\"}");
        }
        Reply tooMany = post("{\"updates\":[" + String.join(",", updates) + "]}", fixture.acme.adminKey());
        Documented.problem(tooMany, 400, "invalid-params");
        assertThat(tooMany.json().at("/invalid-params/0/reason").asText()).contains("at most 1000");
        assertThat(post("{\"updates\":[{\"lead\":{\"userId\":\"u-pat\"},\"status\":\"lost\","
                + "\"at\":\"2026-03-20T16:00:00Z\"}]}", fixture.acme.readKey()).status()).isEqualTo(403);
        assertThat(list("").path("items")).isEmpty();
    }

    @Test
    void outcomes_are_listed_in_pages_by_when_they_occurred_and_filtered_by_time_and_status() {
        StringBuilder body = new StringBuilder("{\"updates\":[");
        for (int day = 1; day <= 5; day++) {
            body.append(day > 1 ? "," : "").append("{\"lead\":{\"userId\":\"u-casey\"},\"status\":\"")
                    .append(day % 2 == 0 ? "lost" : "sql").append("\",\"at\":\"2026-03-0").append(day)
                    .append("T12:00:00Z\",\"crmId\":\"c-").append(day).append("\"}");
        }
        postDocumented(body.append("]}").toString());

        JsonNode first = list("?limit=2");
        JsonNode second = list("?limit=2&cursor=" + first.path("next").asText());
        JsonNode third = list("?limit=2&cursor=" + second.path("next").asText());

        List<String> crmIds = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.path("items").forEach(outcome -> crmIds.add(outcome.path("crmId").asText()));
        }
        assertThat(crmIds).containsExactly("c-1", "c-2", "c-3", "c-4", "c-5");
        assertThat(third.path("next").isNull()).isTrue();
        assertThat(list("?since=2026-03-03T00:00:00Z&status=lost").path("items"))
                .extracting(outcome -> outcome.path("crmId").asText()).containsExactly("c-4");
        Reply bad = client.get("/api/outcomes?status=closed&since=yesterday&cursor=bm9wZQ", fixture.acme.readKey());
        Documented.problem(bad, 400, "invalid-params");
        assertThat(bad.json().path("invalid-params")).extracting(param -> param.path("name").asText())
                .containsExactlyInAnyOrder("status", "since");
        Documented.problem(client.get("/api/outcomes?cursor=bm9wZQ", fixture.acme.readKey()), 400, "invalid-params");
    }

    @Test
    void a_workspace_neither_sees_nor_reaches_the_leads_and_outcomes_of_another() {
        postDocumented("{\"updates\":[{\"lead\":{\"userId\":\"u-casey\"},\"status\":\"lost\","
                + "\"at\":\"2026-03-20T16:00:00Z\"}]}");

        Reply foreign = post("{\"updates\":[{\"lead\":{\"id\":\"" + fixture.pat.value() + "\"},\"status\":\"lost\","
                + "\"at\":\"2026-03-20T16:00:00Z\"}]}", fixture.globex.adminKey());

        assertThat(foreign.json().at("/results/0/result").asText()).isEqualTo("unknown_lead");
        assertThat(client.get("/api/outcomes", fixture.globex.readKey()).json().path("items")).isEmpty();
        assertThat(client.get("/api/leads/" + fixture.pat.value(), fixture.acme.readKey()).json().path("stage")
                .asText()).isEqualTo("mql");
    }
}
