package io.attune.server.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.condition.ConditionCompiler;
import io.attune.core.model.EngagementRule;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import io.attune.core.workspace.Credentials;
import io.attune.core.workspace.Role;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.Documented;
import io.attune.server.support.Poll;
import io.attune.server.support.ServedStore;
import io.attune.store.model.YamlModels;
import io.attune.store.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/models/{version}/proposals} over a real store and real HTTP. Forty consumers
 * identify twenty days ago; twenty of them later reach SQL and twenty are lost. The insurance check
 * (20 points in consumer-starter@1) was completed by 18 of those who reached SQL and 2 of those lost;
 * every other consumer of both kinds read a blog article (1 point), which says nothing about conversion.
 */
abstract class ProposalsContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "consumer-starter@1";
    private static final String DRAFT = "consumer-starter@2";

    private ServedStore served;
    private ApiClient client;
    private Credentials credentials;

    abstract TestDatabase.Engine engine();

    @BeforeEach
    void start() {
        served = ServedStore.start(engine());
        client = served.client();
        credentials = served.credentials();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void a_proposal_drafts_a_new_version_in_which_the_rule_that_separates_outcomes_gains_on_the_one_that_does_not()
            throws Exception {
        Instant identified = served.clock().instant().minus(Duration.ofDays(20));
        record(40, identified);

        Reply started = Documented.as(post("/api/models/" + BASE + "/proposals", "{\"seed\": 7}",
                credentials.adminKey()), "POST", "/api/models/{version}/proposals");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("id").asText();
        assertThat(started.header("Location")).contains("/api/proposals/" + id);

        JsonNode job = finished(id);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("processed").asLong()).isEqualTo(job.path("total").asLong()).isEqualTo(40);
        JsonNode result = job.path("result");
        assertThat(result.path("outcome").asText()).as(result.toString()).isEqualTo("drafted");
        assertThat(result.path("draft").asText()).isEqualTo(DRAFT);
        assertThat(result.at("/counts/labelled").asInt()).isEqualTo(40);
        assertThat(result.at("/counts/positives").asInt()).isEqualTo(20);
        assertThat(result.at("/heldOut/leads").asInt()).isEqualTo(12);
        JsonNode insurance = rule(result, "insurance_check_completed");
        JsonNode blog = rule(result, "wellness_blog_article");
        assertThat(insurance.path("support").asInt()).isEqualTo(20);
        assertThat(blog.path("support").asInt()).isEqualTo(20);
        assertThat(insurance.path("flag").isNull()).isTrue();
        assertThat(insurance.path("changed").asBoolean()).isTrue();
        assertThat(insurance.path("coefficient").asDouble()).isPositive();
        // The insurance check gains; the blog read, which says nothing here, is left to a person at its 1 point.
        assertThat(insurance.path("proposed").asLong()).isGreaterThan(20);
        assertThat(blog.path("flag").asText()).startsWith("not significant");
        assertThat(blog.path("proposed").asLong()).isEqualTo(1);
        // Every consumer is an adult in a licensed state: a rule that scored alike for all cannot be weighed.
        assertThat(rule(result, "adult").path("flag").asText()).contains("alike");
        assertThat(result.path("learned").asText()).startsWith("learned:\n  points: 85\n")
                .contains("    insurance_check_completed: ");
        assertThat(result.path("source").asText()).doesNotContain("learned:");

        Reply draft = client.get("/api/models/" + DRAFT, credentials.adminKey());
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().path("status").asText()).isEqualTo("draft");
        assertThat(draft.json().path("author").asText()).startsWith("key:");
        String source = draft.json().path("source").asText();
        assertThat(source).startsWith("# Proposed from " + BASE + " by attune on stored outcomes");
        ScoringModel loaded = YamlModels.load("draft.yaml", source, new ModelCompiler(new ConditionCompiler()));
        assertThat(loaded.engagement()).filteredOn(rule -> rule.id().value().equals("insurance_check_completed"))
                .extracting(EngagementRule::points).containsExactly(insurance.path("proposed").asDouble());

        Reply diff = client.get("/api/models/" + BASE + "/diff/" + DRAFT, credentials.adminKey());
        assertThat(diff.status()).as(diff.body()).isEqualTo(200);
        JsonNode changed = StreamSupport.stream(diff.json().path("rules").spliterator(), false)
                .filter(rule -> rule.path("id").asText().equals("insurance_check_completed")).findFirst().orElseThrow();
        assertThat(changed.path("change").asText()).isEqualTo("changed");
        assertThat(changed.at("/before/points").asDouble()).isEqualTo(20);
        assertThat(changed.at("/after/points").asDouble()).isEqualTo(insurance.path("proposed").asDouble());

        // The draft goes through the usual review: its author may not approve it; an approver may.
        assertThat(post("/api/models/" + DRAFT + "/propose", "", credentials.adminKey()).status()).isEqualTo(200);
        Documented.problem(post("/api/models/" + DRAFT + "/approve", "", credentials.adminKey()), 403,
                "approver-required");
        String approver = served.store().workspaces().issueApiKey(credentials.workspace().id(), Role.APPROVER, "alice",
                served.clock().instant());
        Reply approved = post("/api/models/" + DRAFT + "/approve", "", approver);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    @Test
    void a_proposal_with_the_learned_term_drafts_a_model_that_loads_and_adds_the_fitted_probability() throws Exception {
        record(40, served.clock().instant().minus(Duration.ofDays(20)));

        String id = post("/api/models/" + BASE + "/proposals", "{\"seed\": 7, \"includeLearned\": true, "
                + "\"learnedPoints\": 30}", credentials.adminKey()).json().path("id").asText();

        JsonNode result = finished(id).path("result");
        assertThat(result.path("outcome").asText()).as(result.toString()).isEqualTo("drafted");
        Reply draft = client.get("/api/models/" + DRAFT, credentials.adminKey());
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        ScoringModel loaded = YamlModels.load("draft.yaml", draft.json().path("source").asText(),
                new ModelCompiler(new ConditionCompiler()));
        assertThat(loaded.learned()).isPresent();
        assertThat(loaded.learned().get().points()).isEqualTo(30);
        assertThat(loaded.learned().get().weights()).containsKey(new RuleId("insurance_check_completed"));
        assertThat(draft.json().at("/learned/points").asDouble()).isEqualTo(30);
    }

    @Test
    void too_few_labelled_leads_is_a_problem_in_the_job_and_stores_nothing() throws Exception {
        record(12, served.clock().instant().minus(Duration.ofDays(20)));

        String id = post("/api/models/" + BASE + "/proposals", "{}", credentials.adminKey()).json().path("id").asText();

        JsonNode result = finished(id).path("result");
        assertThat(result.path("outcome").asText()).isEqualTo("not-proposed");
        assertThat(result.at("/problem/type").asText()).isEqualTo("urn:attune:problem:not-enough-labels");
        assertThat(result.at("/problem/detail").asText()).contains("at least 20 labelled leads")
                .contains("there are 12 (6 positive, 6 negative)");
        assertThat(result.at("/counts/labelled").asInt()).isEqualTo(12);
        assertThat(client.get("/api/models/" + DRAFT, credentials.adminKey()).status()).isEqualTo(404);
    }

    @Test
    void bad_options_are_a_400_naming_each_field_and_an_unknown_version_is_a_404() {
        Reply bad = post("/api/models/" + BASE + "/proposals", "{\"asOf\": \"last week\", \"staleMqlDays\": 0, "
                + "\"includeLearned\": \"yes\", \"learnedPoints\": 5000, \"seed\": 1.5, \"label\": \"sql\"}",
                credentials.adminKey());
        Documented.problem(bad, 400, "invalid-params");
        assertThat(bad.json().path("invalid-params")).extracting(param -> param.path("name").asText())
                .containsExactlyInAnyOrder("asOf", "staleMqlDays", "includeLearned", "learnedPoints", "seed", "label");

        Documented.problem(post("/api/models/consumer-starter@9/proposals", "{}", credentials.adminKey()), 404,
                "not-found");
        Documented.problem(client.get("/api/proposals/rp_unknown", credentials.adminKey()), 404, "not-found");
    }

    @Test
    void a_write_key_may_not_ask_for_a_proposal() {
        Reply reply = client.send("POST", "/api/models/" + BASE + "/proposals", Map.of("Authorization", "Basic "
                + basic(), "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isIn(401, 403);
    }

    /**
     * {@code leads} consumers in California identified at {@code at}: the first half reach SQL two days
     * later, the rest are lost; all but two of the first half and two of the rest complete the insurance
     * check; every other consumer reads a blog article.
     */
    private void record(int leads, Instant at) throws IOException {
        List<Map<String, Object>> batch = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            String person = "p" + i;
            boolean converted = i < leads / 2;
            int withinClass = converted ? i : i - leads / 2;
            boolean insurance = converted ? withinClass < leads / 2 - 2 : withinClass < 2;
            batch.add(Map.of("type", "identify", "messageId", person + "-i", "userId", person, "timestamp",
                    at.toString(), "traits", Map.of("email", person + "@example.org", "state", "CA", "age", 40)));
            if (insurance) {
                batch.add(Map.of("type", "track", "messageId", person + "-t", "userId", person, "event",
                        "Insurance Check Completed", "timestamp", at.plusSeconds(60).toString(), "properties", Map.of()));
            }
            if (i % 2 == 0) {
                batch.add(Map.of("type", "page", "messageId", person + "-p", "userId", person, "timestamp",
                        at.plusSeconds(120).toString(), "properties", Map.of("path", "/blog/sleep")));
            }
            updates.add(Map.of("lead", Map.of("userId", person), "status", converted ? "sql" : "lost", "at",
                    at.plus(Duration.ofDays(2)).toString()));
        }
        Reply ingested = client.send("POST", "/v1/batch", Map.of("Authorization", "Basic " + basic(),
                "Content-Type", "application/json"), JSON.writeValueAsBytes(Map.of("batch", batch)));
        assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
        Reply stored = client.send("POST", "/api/outcomes", Map.of("Authorization", "Bearer " + credentials.adminKey(),
                "Content-Type", "application/json"), JSON.writeValueAsBytes(Map.of("source", "crm", "updates", updates)));
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    }

    private String basic() {
        return Base64.getEncoder().encodeToString((credentials.writeKey() + ":").getBytes(StandardCharsets.UTF_8));
    }

    private Reply post(String path, String json, String key) {
        return client.send("POST", path, Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode rule(JsonNode result, String id) {
        return StreamSupport.stream(result.path("rules").spliterator(), false)
                .filter(rule -> rule.path("rule").asText().equals(id)).findFirst().orElseThrow();
    }

    /** Polls until the job is no longer running: the job's own state says when, not a clock. */
    private JsonNode finished(String id) {
        Reply reply = Poll.until(() -> client.get("/api/proposals/" + id, credentials.adminKey()),
                done -> !done.json().path("status").asText().equals("running"), "proposal " + id + " finishing");
        return Documented.as(reply, "GET", "/api/proposals/{id}").json();
    }
}
