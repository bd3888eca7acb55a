package io.attune.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.core.lead.LeadScoring;
import io.attune.core.query.LeadQueries;
import io.attune.server.fakes.UnreachableLeadQueries;
import io.attune.server.openapi.OpenApiRoutes;
import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Health, metrics, the OpenAPI document, response headers, request ids, and failures as problems. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT {
    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();

    @AfterAll
    void stop() {
        running.close();
    }

    private HttpApp appWith(LeadQueries leads, BooleanSupplier healthy) {
        return new HttpApp(leads, fixture.store.workspaces(), fixture.store.classifications(), fixture.store.models(),
                new LeadScoring(), fixture.store.audit(), healthy,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.fixed(ApiFixture.NOW, ZoneOffset.UTC))
                .start("127.0.0.1", 0);
    }

    @Test
    void health_is_ok_without_credentials() {
        Reply reply = Documented.as(client.get("/health", null), "GET", "/health");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void health_is_503_when_the_store_check_fails_or_throws() {
        BooleanSupplier throwing = () -> {
            throw new IllegalStateException("connection refused");
        };
        for (BooleanSupplier check : new BooleanSupplier[] {() -> false, throwing}) {
            HttpApp app = appWith(fixture.store.leads(), check);
            try {
                Reply reply = new ApiClient(app.port()).get("/health", null);
                Documented.problem(reply, 503, "unavailable");
                assertThat(reply.body()).doesNotContain("refused");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_that_reveals_nothing() {
        HttpApp app = appWith(new UnreachableLeadQueries(), () -> true);
        try {
            ApiClient broken = new ApiClient(app.port());
            for (String path : new String[] {"/api/leads", "/api/leads/" + fixture.pat.value(), "/api/accounts"}) {
                Reply reply = broken.send("GET", path, Map.of("Authorization", "Bearer " + fixture.acme.readKey(),
                        "X-Request-Id", "trace-42"));
                Documented.problem(reply, 500, "internal");
                assertThat(reply.json().path("requestId").asText()).isEqualTo("trace-42");
                assertThat(reply.body()).doesNotContain("Aetna", "pat@", "IllegalState", "query failed", "at io.");
            }
        } finally {
            app.stop();
        }
    }

    @Test
    void unknown_routes_are_404_problems_and_wrong_methods_405_with_allow() {
        Reply missing = Documented.problem(client.get("/api/nothing/here", fixture.acme.readKey()), 404, "not-found");
        assertThat(missing.json().path("instance").asText()).isEqualTo("/api/nothing/here");
        Reply wrong = client.send("POST", "/health", Map.of());
        Documented.problem(wrong, 405, "method-not-allowed");
        assertThat(wrong.header("Allow")).contains("GET, HEAD");
    }

    @Test
    void api_responses_are_never_cached_and_no_response_is_sniffed() {
        for (Reply reply : new Reply[] {client.get("/api/leads", fixture.acme.readKey()), client.get("/api/leads", null),
                client.get("/api/leads/ld_000000000000000000000000", fixture.acme.readKey())}) {
            assertThat(reply.header("Cache-Control")).contains("no-store");
            assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
        }
        assertThat(client.get("/health", null).header("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void a_plain_request_id_is_kept_and_anything_else_replaced() {
        Reply kept = client.send("GET", "/health", Map.of("X-Request-Id", "abc-123"));
        assertThat(kept.header("X-Request-Id")).contains("abc-123");
        Reply replaced = client.send("GET", "/health", Map.of("X-Request-Id", "a\u00e9b".repeat(3)));
        assertThat(replaced.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void metrics_time_requests_by_route_template_never_by_raw_path() {
        client.get("/api/leads/" + fixture.pat.value(), fixture.acme.readKey());
        client.get("/api/leads/" + fixture.anon1.value(), fixture.acme.readKey());
        client.get("/wp-login.php", fixture.acme.readKey());
        Reply reply = client.get("/metrics", fixture.acme.readKey());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(reply.body())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/leads/{id}\",status=\"200\"} 2")
                .contains("route=\"unmatched\",status=\"404\"")
                .doesNotContain(fixture.pat.value(), "wp-login");
    }

    @Test
    void the_openapi_document_is_served_as_shipped() {
        Reply reply = client.get("/openapi.json", fixture.acme.readKey());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(reply.body()).isEqualTo(new String(OpenApiRoutes.load(), StandardCharsets.UTF_8));
    }
}
