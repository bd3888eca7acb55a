package io.attune.server.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sales feedback over HTTP: each test gets a fresh fixture, because actions change the leads. */
class SalesFeedbackIT {
    private static final String BANT = """
            {"budget":"$120k approved","authority":"the VP Benefits signs","need":"EAP utilisation is 3%",
             "timeline":"live for open enrolment","user":"rep-9"}""";

    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();

    @AfterEach
    void stop() {
        running.close();
    }

    private Reply post(String path, String body, String key) {
        return client.send("POST", path, Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void accepting_an_mql_makes_it_an_sql_and_the_history_shows_who() {
        Reply reply = Documented.as(post("/api/leads/" + fixture.pat.value() + "/accept", BANT,
                fixture.acme.adminKey()), "POST", "/api/leads/{id}/accept");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode moved = reply.json();
        assertThat(moved.path("stage").asText()).isEqualTo("sql");
        assertThat(moved.at("/transition/from").asText()).isEqualTo("mql");
        assertThat(moved.at("/transition/actor").asText()).isEqualTo("user:rep-9");
        assertThat(moved.at("/transition/at").asText()).isEqualTo(ApiFixture.NOW.toString());
        JsonNode history = client.get("/api/leads/" + fixture.pat.value() + "/transitions", fixture.acme.readKey())
                .json().path("items");
        assertThat(history.get(history.size() - 1).path("to").asText()).isEqualTo("sql");
        JsonNode lead = Documented.as(client.get("/api/leads/" + fixture.pat.value(), fixture.acme.readKey()),
                "GET", "/api/leads/{id}").json();
        assertThat(lead.path("stage").asText()).isEqualTo("sql");
        assertThat(lead.at("/sales/bant/budget").asText()).isEqualTo("$120k approved");
        assertThat(lead.at("/sales/bant/timeline").asText()).isEqualTo("live for open enrolment");
    }

    @Test
    void without_a_named_user_the_api_key_is_the_actor() {
        Reply reply = post("/api/leads/" + fixture.pat.value() + "/reject", "{\"reason\":\"not_ready\"}",
                fixture.acme.adminKey());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("stage").asText()).isEqualTo("recycled");
        assertThat(reply.json().at("/transition/actor").asText()).startsWith("key:");
    }

    @Test
    void a_move_the_stage_does_not_allow_is_a_409_naming_the_allowed_moves() {
        Reply reply = post("/api/leads/" + fixture.pat.value() + "/won", "{\"amount\":250000}",
                fixture.acme.adminKey());

        Documented.problem(reply, 409, "illegal-transition");
        assertThat(reply.json().path("detail").asText())
                .isEqualTo("cannot won this lead: a lead cannot move from mql to customer; from mql it can move to "
                        + "[crisis_hold, disqualified, recycled, sql]");
    }

    @Test
    void every_bad_field_of_a_body_is_named() {
        Reply reply = post("/api/leads/" + fixture.pat.value() + "/reject",
                "{\"reason\":\"too_expensive\",\"colour\":\"blue\"}", fixture.acme.adminKey());

        Documented.problem(reply, 400, "invalid-params");
        assertThat(reply.json().path("invalid-params")).extracting(param -> param.path("name").asText())
                .containsExactlyInAnyOrder("reason", "colour");
        Reply accept = post("/api/leads/" + fixture.pat.value() + "/accept", "{\"budget\":\"yes\"}",
                fixture.acme.adminKey());
        assertThat(accept.json().path("invalid-params")).extracting(param -> param.path("name").asText())
                .containsExactlyInAnyOrder("authority", "need", "timeline");
        assertThat(post("/api/leads/" + fixture.pat.value() + "/accept", "{not json", fixture.acme.adminKey())
                .status()).isEqualTo(400);
    }

    @Test
    void a_read_key_may_not_act_and_an_unknown_or_foreign_lead_is_not_found() {
        assertThat(post("/api/leads/" + fixture.pat.value() + "/accept", BANT, fixture.acme.readKey()).status())
                .isEqualTo(403);
        Documented.problem(post("/api/leads/" + fixture.pat.value() + "/accept", BANT, fixture.globex.adminKey()),
                404, "not-found");
        Documented.problem(post("/api/leads/not-a-lead/accept", BANT, fixture.acme.adminKey()), 404,
                "not-found");
    }
}
