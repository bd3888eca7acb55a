package io.attune.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT {
    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void no_authorization_header_is_401_with_a_bearer_challenge() {
        Reply reply = Documented.problem(client.get("/api/leads", null), 401, "unauthorized");
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"attune\"");
    }

    @Test
    void another_scheme_is_401_invalid_request() {
        Reply reply = client.send("GET", "/api/leads", Map.of("Authorization", "Basic " + fixture.acme.adminKey()));
        Documented.problem(reply, 401, "unauthorized");
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"attune\", error=\"invalid_request\"");
    }

    @Test
    void an_unknown_key_is_401_invalid_token() {
        Reply reply = Documented.problem(client.get("/api/leads", "ak_not-a-key"), 401, "unauthorized");
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer realm=\"attune\", error=\"invalid_token\"");
    }

    @Test
    void the_scheme_name_is_case_insensitive() {
        Reply reply = client.send("GET", "/api/leads", Map.of("Authorization", "bearer " + fixture.acme.readKey()));
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void a_read_key_reads_but_may_not_write() {
        assertThat(client.get("/api/leads", fixture.acme.readKey()).status()).isEqualTo(200);
        Reply write = client.send("POST", "/api/leads", Map.of("Authorization", "Bearer " + fixture.acme.readKey()));
        Documented.problem(write, 403, "forbidden");
        assertThat(write.json().path("detail").asText()).contains("read");
    }

    @Test
    void an_admin_key_passes_authorisation_and_meets_the_missing_method() {
        Reply reply = client.send("DELETE", "/api/leads", Map.of("Authorization", "Bearer " + fixture.acme.adminKey()));
        Documented.problem(reply, 405, "method-not-allowed");
        assertThat(reply.header("Allow")).contains("GET, HEAD");
    }

    @Test
    void unknown_paths_need_a_key_too_so_they_reveal_nothing() {
        Documented.problem(client.get("/api/secret-admin", null), 401, "unauthorized");
        Documented.problem(client.get("/nothing-here", null), 401, "unauthorized");
    }

    @Test
    void metrics_and_the_openapi_document_need_a_key_and_health_does_not() {
        Documented.problem(client.get("/metrics", null), 401, "unauthorized");
        Documented.problem(client.get("/openapi.json", null), 401, "unauthorized");
        assertThat(client.get("/health", null).status()).isEqualTo(200);
        assertThat(client.get("/metrics", fixture.acme.readKey()).status()).isEqualTo(200);
        assertThat(client.get("/openapi.json", fixture.acme.readKey()).status()).isEqualTo(200);
    }

    @Test
    void another_workspaces_lead_answers_404_exactly_like_an_unknown_id() {
        Reply foreign = client.get("/api/leads/" + fixture.gina.value(), fixture.acme.adminKey());
        Reply unknown = client.get("/api/leads/ld_000000000000000000000000", fixture.acme.adminKey());
        Documented.problem(foreign, 404, "not-found");
        Documented.problem(unknown, 404, "not-found");
        assertThat(foreign.json().path("detail")).isEqualTo(unknown.json().path("detail"));
        assertThat(client.get("/api/leads/" + fixture.gina.value() + "/transitions", fixture.acme.adminKey()).status())
                .isEqualTo(404);
        assertThat(client.get("/api/leads/" + fixture.gina.value(), fixture.globex.readKey()).status()).isEqualTo(200);
    }

    @Test
    void another_workspaces_account_answers_404() {
        Documented.problem(client.get("/api/accounts/" + fixture.globexAccount.value(), fixture.acme.adminKey()), 404,
                "not-found");
        assertThat(client.get("/api/accounts/" + fixture.globexAccount.value(), fixture.globex.adminKey()).status())
                .isEqualTo(200);
    }

    @Test
    void a_listing_shows_only_the_callers_workspace() {
        Reply globex = client.get("/api/leads", fixture.globex.readKey());
        assertThat(globex.json().path("items")).extracting(item -> item.path("id").asText())
                .containsExactly(fixture.gina.value());
        Reply byIdentity = client.get("/api/leads?identity=u-gina", fixture.acme.readKey());
        Documented.problem(byIdentity, 404, "not-found");
    }
}
