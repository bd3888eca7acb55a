package io.attune.server.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.core.workspace.Role;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.Documented;
import io.attune.server.support.ServedStore;
import io.attune.store.Store;
import io.attune.store.model.YamlModels;
import io.attune.store.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Model versions through the API over the real store: a draft from YAML, four eyes on approval,
 * activation re-scoring the leads, the diff, rollback and the audit trail.
 */
class ModelVersionsIT {
    private static final String V2 = "employer-starter@2";

    private ServedStore served;
    private Clock clock;
    private Store store;
    private ApiClient client;
    private Credentials credentials;
    private String alice;
    private String bob;

    @BeforeEach
    void start() {
        served = ServedStore.employer(TestDatabase.Engine.SQLITE);
        clock = served.clock();
        store = served.store();
        client = served.client();
        credentials = served.credentials();
        alice = store.workspaces().issueApiKey(credentials.workspace().id(), Role.APPROVER, "alice", clock.instant());
        bob = store.workspaces().issueApiKey(credentials.workspace().id(), Role.APPROVER, "bob", clock.instant());
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private static String lowerThreshold() {
        return YamlModels.starterModelText(Segment.EMPLOYER).replace("version: 1", "version: 2")
                .replace("\nthreshold: 95", "\nthreshold: 30");
    }

    private Reply post(String path, String key) {
        return client.send("POST", path, Map.of("Authorization", "Bearer " + key), new byte[0]);
    }

    private Reply draft(String yaml, String key) {
        return client.send("POST", "/api/models", Map.of("Authorization", "Bearer " + key,
                "Content-Type", "application/yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    }

    private void ingest(String json) {
        String basic = Base64.getEncoder().encodeToString((credentials.writeKey() + ":")
                .getBytes(StandardCharsets.UTF_8));
        Reply reply = client.send("POST", "/v1/batch", Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private void approvedDraft() {
        Documented.as(draft(lowerThreshold(), alice), "POST", "/api/models");
        Documented.as(post("/api/models/" + V2 + "/propose", alice), "POST", "/api/models/{version}/propose");
        Documented.as(post("/api/models/" + V2 + "/approve", bob), "POST", "/api/models/{version}/approve");
    }

    @Test
    void a_draft_is_stored_with_its_author_and_a_taken_version_is_a_409() {
        Reply created = Documented.as(draft(lowerThreshold(), alice), "POST", "/api/models");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("draft");
        assertThat(created.json().path("author").asText()).startsWith("key:key_");
        Documented.problem(draft(lowerThreshold(), bob), 409, "version-taken");
        Documented.problem(draft("id: x\nversion: 1\nsegment: nowhere\n", bob), 400, "invalid-params");
    }

    @Test
    void the_author_may_not_approve_and_an_admin_is_not_an_approver() {
        draft(lowerThreshold(), alice);
        post("/api/models/" + V2 + "/propose", alice);

        Documented.problem(post("/api/models/" + V2 + "/approve", alice), 403, "own-model");
        Documented.problem(post("/api/models/" + V2 + "/approve", credentials.adminKey()), 403, "approver-required");
        Documented.problem(post("/api/models/" + V2 + "/activate", credentials.adminKey()), 409, "wrong-status");
        JsonNode approved = Documented.as(post("/api/models/" + V2 + "/approve", bob), "POST",
                "/api/models/{version}/approve").json();
        assertThat(approved.path("status").asText()).isEqualTo("approved");
        assertThat(approved.path("from").asText()).isEqualTo("proposed");
    }

    @Test
    void activation_re_scores_the_leads_and_rollback_puts_the_earlier_version_back() {
        ingest("{\"batch\": [{\"type\": \"identify\", \"userId\": \"vp-1\", \"traits\": {\"email\": "
                + "\"dana@bigco.com\", \"title\": \"VP, Benefits\"}}, {\"type\": \"track\", \"userId\": \"vp-1\", "
                + "\"event\": \"ROI Calculator Completed\"}]}");
        approvedDraft();

        JsonNode activated = Documented.as(post("/api/models/" + V2 + "/activate", credentials.adminKey()), "POST",
                "/api/models/{version}/activate").json();

        assertThat(activated.path("status").asText()).isEqualTo("active");
        assertThat(activated.path("rescored").asLong()).isEqualTo(1);
        JsonNode lead = client.get("/api/leads?limit=10", credentials.adminKey()).json().at("/items/0");
        assertThat(lead.path("stage").asText()).isEqualTo("mql");
        assertThat(lead.path("model").asText()).isEqualTo(V2);

        Documented.as(post("/api/models/employer-starter@1/activate", credentials.adminKey()), "POST",
                "/api/models/{version}/activate");
        assertThat(client.get("/api/leads?limit=10", credentials.adminKey()).json().at("/items/0/model").asText())
                .isEqualTo("employer-starter@1");
        Documented.problem(post("/api/models/employer-starter@1/retire", credentials.adminKey()), 409, "wrong-status");
        JsonNode audit = client.get("/api/audit?subject=model:" + V2, credentials.adminKey()).json().path("items");
        assertThat(audit).extracting(entry -> entry.path("action").asText()).containsExactly("model.drafted",
                "model.proposed", "model.approved", "model.activated", "model.retired");
    }

    @Test
    void the_diff_names_the_changed_threshold() {
        draft(lowerThreshold().replace("points: 25", "points: 26"), alice);

        JsonNode diff = Documented.as(client.get("/api/models/employer-starter@1/diff/" + V2, alice), "GET",
                "/api/models/{version}/diff/{other}").json();

        assertThat(diff.path("settings")).extracting(s -> s.path("name").asText() + " " + s.path("before").asText()
                + " -> " + s.path("after").asText()).containsExactly("threshold 95 -> 30");
        assertThat(diff.path("rules")).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.path("change").asText()).isEqualTo("changed");
            assertThat(rule.at("/after/points").asDouble()).isEqualTo(26);
        });
    }

    @Test
    void a_read_key_may_not_write_models() {
        String read = store.workspaces().issueApiKey(credentials.workspace().id(), Role.READ, "viewer",
                clock.instant());
        Documented.problem(draft(lowerThreshold(), read), 403, "forbidden");
    }
}
