package io.attune.server.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A model with a learned term through the API over the real store: drafted from YAML, approved by a
 * second approver, activated (re-scoring the lead), then fed an event live; the lead's score, its
 * explanation and the lead list's score bounds all carry the term.
 */
class LearnedModelIT {
    private static final String V2 = "employer-starter@2";
    /** No decay, so the sums read the same at whatever time the test runs. */
    private static final String LEARNED = YamlModels.starterModelText(Segment.EMPLOYER)
            .replace("version: 1", "version: 2").replace("\ndecayPerQuarter: 0.25", "\ndecayPerQuarter: 0") + """

            learned:
              points: 40
              intercept: -1
              weights:
                title_benefits_leader: 0.04
                roi_calculator_completed: 0.05
                pricing_page: 0.1
              calibration: {slope: 1, offset: 0}
              trainedOn: "employer-starter@1 outcomes: 412 leads (61 SQL), held-out ROC AUC 0.81"
            """;

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

    private Reply post(String path, String key) {
        return client.send("POST", path, Map.of("Authorization", "Bearer " + key), new byte[0]);
    }

    private void ingest(String json) {
        String basic = Base64.getEncoder().encodeToString((credentials.writeKey() + ":")
                .getBytes(StandardCharsets.UTF_8));
        Reply reply = client.send("POST", "/v1/batch", Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private JsonNode lead(String id) {
        return Documented.as(client.get("/api/leads/" + id, credentials.adminKey()), "GET", "/api/leads/{id}").json();
    }

    private List<String> listed(String query) {
        List<String> ids = new ArrayList<>();
        Documented.as(client.get("/api/leads" + query, credentials.adminKey()), "GET", "/api/leads").json()
                .path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void an_approved_and_activated_learned_term_adds_to_the_score_and_is_explained() {
        ingest("{\"batch\": [{\"type\": \"identify\", \"userId\": \"vp-1\", \"anonymousId\": \"a-vp\", \"traits\": "
                + "{\"email\": \"dana@bigco.com\", \"title\": \"VP, Benefits\"}}, {\"type\": \"track\", \"userId\": "
                + "\"vp-1\", \"event\": \"ROI Calculator Completed\"}]}");
        Reply drafted = Documented.as(client.send("POST", "/api/models", Map.of("Authorization", "Bearer " + alice,
                "Content-Type", "application/yaml"), LEARNED.getBytes(StandardCharsets.UTF_8)), "POST", "/api/models");
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        assertThat(drafted.json().at("/learned/points").asDouble()).isEqualTo(40);
        assertThat(drafted.json().at("/learned/weights/pricing_page").asDouble()).isEqualTo(0.1);
        JsonNode diff = Documented.as(client.get("/api/models/employer-starter@1/diff/" + V2, alice), "GET",
                "/api/models/{version}/diff/{other}").json();
        assertThat(diff.path("settings")).extracting(s -> s.path("name").asText() + " " + s.path("after").asText())
                .contains("learned.points 40", "learned.intercept -1", "learned.weights.pricing_page 0.1");
        post("/api/models/" + V2 + "/propose", alice);
        assertThat(post("/api/models/" + V2 + "/approve", bob).status()).isEqualTo(200);
        JsonNode activated = post("/api/models/" + V2 + "/activate", credentials.adminKey()).json();
        assertThat(activated.path("rescored").asLong()).isEqualTo(1);
        String id = listed("?limit=10").get(0);

        // re-scored on activation: fit 25 + ROI 20, logit −1 + 0.04 × 25 + 0.05 × 20 = 1
        JsonNode before = lead(id);
        assertThat(before.at("/score/learned").asDouble()).isEqualTo(29.24);
        assertThat(before.at("/score/total").asDouble()).isEqualTo(74.24);
        assertThat(before.at("/learned/probability").asDouble()).isEqualTo(0.7311);
        assertThat(before.path("stage").asText()).isNotEqualTo("mql");

        ingest("{\"batch\": [{\"type\": \"page\", \"anonymousId\": \"a-vp\", \"properties\": "
                + "{\"url\": \"https://bigco.example/pricing\", \"path\": \"/pricing\"}}]}");

        // live: pricing 15 more; 25 + 35 = 60 alone, and 40 × sigmoid(2.5) = 36.97 takes it past 95
        JsonNode after = lead(id);
        assertThat(after.at("/score/fit").asDouble()).isEqualTo(25);
        assertThat(after.at("/score/engagement").asDouble()).isEqualTo(35);
        assertThat(after.at("/score/learned").asDouble()).isCloseTo(36.97, within(1e-9));
        assertThat(after.at("/score/total").asDouble()).isCloseTo(96.97, within(1e-9));
        assertThat(after.at("/score/qualified").asBoolean()).isTrue();
        assertThat(after.path("stage").asText()).isEqualTo("mql");
        JsonNode learned = after.path("learned");
        assertThat(learned.path("logit").asDouble()).isEqualTo(2.5);
        assertThat(learned.path("intercept").asDouble()).isEqualTo(-1);
        assertThat(learned.path("trainedOn").asText()).startsWith("employer-starter@1 outcomes");
        assertThat(learned.path("shares")).extracting(share -> share.path("rule").asText() + " "
                + share.path("weight").asDouble() + " × " + share.path("value").asDouble() + " = "
                + share.path("share").asDouble()).containsExactly(
                "title_benefits_leader 0.04 × 25.0 = 1.0",
                "roi_calculator_completed 0.05 × 20.0 = 1.0",
                "pricing_page 0.1 × 15.0 = 1.5");
        assertThat(listed("?minScore=90")).containsExactly(id);
        assertThat(listed("?maxScore=90")).isEmpty();
    }
}
