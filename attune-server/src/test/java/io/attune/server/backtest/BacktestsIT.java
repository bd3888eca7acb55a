package io.attune.server.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import io.attune.server.support.Poll;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacktestsIT {
    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();

    @AfterAll
    void stop() {
        running.close();
    }

    private Reply post(String json, String key) {
        return client.send("POST", "/api/backtests", Map.of("Authorization", "Bearer " + key,
                "Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    /** Polls until the job is no longer running: the job's own state says when, not a clock. */
    private JsonNode finished(String id) {
        Reply reply = Poll.until(() -> client.get("/api/backtests/" + id, fixture.acme.readKey()),
                done -> !done.json().path("status").asText().equals("running"), "backtest " + id + " finishing");
        return Documented.as(reply, "GET", "/api/backtests/{id}").json();
    }

    @Test
    void a_backtest_runs_as_a_job_and_lists_the_leads_that_would_stop_qualifying() throws Exception {
        Reply started = Documented.as(post("{\"candidate\": \"employer-test@2\", \"to\": \"" + ApiFixture.NOW + "\"}",
                fixture.acme.adminKey()), "POST", "/api/backtests");
        assertThat(started.status()).isEqualTo(202);
        String id = started.json().path("id").asText();
        assertThat(started.header("Location")).contains("/api/backtests/" + id);

        JsonNode job = finished(id);

        assertThat(job.path("status").asText()).isEqualTo("done");
        assertThat(job.path("processed").asLong()).isEqualTo(job.path("total").asLong()).isEqualTo(9);
        JsonNode result = job.path("result");
        assertThat(result.path("active").asText()).isEqualTo("employer-test@1");
        assertThat(result.path("noLongerQualifyingCount").asInt()).isEqualTo(1);
        assertThat(result.at("/noLongerQualifying/0/lead").asText()).isEqualTo(fixture.pat.value());
        assertThat(result.at("/noLongerQualifying/0/reasons/0/rule").asText()).isEqualTo("demo_requested");
        assertThat(result.at("/activeModel/mqls").asInt()).isEqualTo(1);
        assertThat(result.at("/candidateModel/mqls").asInt()).isZero();
    }

    @Test
    void a_candidate_from_yaml_that_does_not_check_is_a_400_naming_the_problem() {
        Reply reply = post("{\"source\": \"id: x\\nversion: 1\\nsegment: nowhere\\n\"}", fixture.acme.adminKey());
        Documented.problem(reply, 400, "invalid-params");
        assertThat(reply.json().at("/invalid-params/0/name").asText()).isEqualTo("source");
    }

    @Test
    void another_workspace_cannot_see_a_backtest() throws Exception {
        String id = post("{\"candidate\": \"employer-test@1\"}", fixture.acme.adminKey()).json().path("id").asText();
        finished(id);
        Documented.problem(client.get("/api/backtests/" + id, fixture.globex.readKey()), 404, "not-found");
    }
}
