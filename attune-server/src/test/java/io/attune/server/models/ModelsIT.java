package io.attune.server.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelsIT {
    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();

    @AfterAll
    void stop() {
        running.close();
    }

    private Reply get(String path) {
        return client.get(path, fixture.acme.readKey());
    }

    @Test
    void the_list_shows_every_version_and_which_is_active() {
        JsonNode items = Documented.as(get("/api/models"), "GET", "/api/models").json().path("items");
        assertThat(items).extracting(m -> m.path("version").asText() + " " + m.path("status").asText() + " "
                + m.path("active").asBoolean())
                .containsExactly("employer-test@1 active true", "employer-test@2 draft false");
        assertThat(items.get(0).path("segment").asText()).isEqualTo("employer");
        assertThat(items.get(0).path("description").asText()).isEqualTo("Employer leads for the API tests");
    }

    @Test
    void a_version_shows_thresholds_rules_and_its_source() {
        Reply reply = Documented.as(get("/api/models/employer-test@1"), "GET", "/api/models/{version}");
        JsonNode model = reply.json();
        assertThat(model.path("decayPerQuarter").asDouble()).isEqualTo(0.25);
        assertThat(model.at("/thresholds/fitMin").asDouble()).isEqualTo(10);
        assertThat(model.at("/thresholds/threshold").asDouble()).isEqualTo(50);
        assertThat(model.at("/thresholds/grades").isNull()).isTrue();
        assertThat(model.at("/rules/fit/0/id").asText()).isEqualTo("vp_title");
        assertThat(model.at("/rules/fit/0/when").asText()).contains("lead.title.contains(\"VP\")");
        assertThat(model.at("/rules/engagement")).extracting(rule -> rule.path("id").asText() + " "
                + rule.path("points").asDouble())
                .containsExactly("pricing_page 15.0", "demo_requested 40.0", "blog_read 2.0", "careers_page -10.0");
        assertThat(model.at("/rules/engagement/1/names/0").asText()).isEqualTo("Demo Requested");
        assertThat(model.at("/rules/disqualify/0/kind").isNull()).isTrue();
        assertThat(model.at("/rules/disqualify/0/reason").asText()).isEqualTo("competitor");
        assertThat(model.at("/account/coverageDays").asInt()).isEqualTo(120);
        assertThat(model.at("/account/committee")).extracting(role -> role.path("role").asText())
                .containsExactly("benefits_leader", "finance");
        assertThat(model.path("source").asText()).isEqualTo(ApiFixture.modelText("employer-test-1.yaml"));
    }

    @Test
    void a_grade_matrix_model_shows_its_cells_caps_and_maxima() {
        JsonNode model = Documented.as(get("/api/models/employer-test%402"), "GET", "/api/models/{version}").json();
        assertThat(model.path("active").asBoolean()).isFalse();
        assertThat(model.at("/thresholds/threshold").isNull()).isTrue();
        assertThat(model.at("/thresholds/grades/fit/A").asDouble()).isEqualTo(40);
        assertThat(model.at("/thresholds/grades/engagement/3").asDouble()).isEqualTo(10);
        assertThat(model.at("/thresholds/grades/qualifying")).extracting(JsonNode::asText)
                .containsExactly("A1", "A2", "B1");
        assertThat(model.at("/rules/engagement/0/cap/count").asInt()).isEqualTo(3);
        assertThat(model.at("/rules/engagement/0/cap/per").asText()).isEqualTo("PT168H");
        assertThat(model.at("/rules/engagement/0/maxPoints").asDouble()).isEqualTo(30);
        assertThat(model.path("account").isNull()).isTrue();
    }

    @Test
    void unknown_malformed_and_other_workspaces_versions_are_404() {
        Documented.problem(get("/api/models/employer-test@9"), 404, "not-found");
        Documented.problem(get("/api/models/not-a-version"), 404, "not-found");
        Documented.problem(client.get("/api/models/employer-test@2", fixture.globex.readKey()), 404, "not-found");
    }

    @Test
    void the_list_takes_no_parameters() {
        Documented.problem(get("/api/models?segment=employer"), 400, "invalid-params");
    }
}
