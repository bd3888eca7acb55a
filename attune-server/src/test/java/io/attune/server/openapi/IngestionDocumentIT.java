package io.attune.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.server.support.ApiClient;
import io.attune.server.support.ApiClient.Reply;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.Documented;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ingestion endpoints answer what the OpenAPI document says they answer. Ingestion itself is
 * tested with its parser; this holds its responses to the published shapes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestionDocumentIT {
    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();
    private final ApiClient client = running.client();

    @AfterAll
    void stop() {
        running.close();
    }

    @AfterEach
    void admitAgain() {
        fixture.store.intake().saturate(Optional.empty());
    }

    private Reply post(String path, String body, boolean authenticated) {
        String basic = Base64.getEncoder().encodeToString((fixture.acme.writeKey() + ":").getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = authenticated
                ? Map.of("Authorization", "Basic " + basic, "Content-Type", "application/json")
                : Map.of("Content-Type", "application/json");
        return client.send("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void an_accepted_track_is_200_success_and_readable_from_the_api() {
        Reply reply = Documented.as(post("/v1/track", "{\"userId\":\"u-new\",\"event\":\"Demo Requested\","
                + "\"messageId\":\"m-new-1\"}", true), "POST", "/v1/track");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("success").asBoolean()).isTrue();
        Reply lead = client.get("/api/leads?identity=u-new", fixture.acme.readKey());
        assertThat(lead.json().at("/items/0/topReasons/0/rule").asText()).isEqualTo("demo_requested");
        assertThat(lead.json().at("/items/0/score/engagement").asDouble()).isEqualTo(40);
    }

    @Test
    void an_invalid_message_is_a_400_problem_listing_it() {
        Reply reply = Documented.as(post("/v1/batch", "{\"batch\":[{\"type\":\"track\",\"userId\":\"u-b\","
                + "\"event\":\"Webinar Registered\",\"messageId\":\"m-b-1\"},{\"type\":\"track\",\"userId\":\"u-b\"}]}",
                true), "POST", "/v1/batch");
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:attune:problem:invalid-messages");
        assertThat(reply.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(reply.json().at("/errors/0/index").asInt()).isEqualTo(1);
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() {
        Reply reply = Documented.as(post("/v1/batch", "not json", true), "POST", "/v1/batch");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:attune:problem:invalid-request");
    }

    @Test
    void no_write_key_is_a_401_with_a_basic_challenge() {
        Reply reply = Documented.as(post("/v1/identify", "{\"userId\":\"u-x\"}", false), "POST", "/v1/identify");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void a_saturated_writer_is_a_429_with_retry_after() {
        fixture.store.intake().saturate(Optional.of(Duration.ofSeconds(3)));
        Reply reply = Documented.as(post("/v1/page", "{\"anonymousId\":\"a-x\",\"name\":\"Pricing\"}", true), "POST",
                "/v1/page");
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).contains("3");
    }

    @Test
    void a_batch_over_the_ingestion_limit_but_under_the_read_limit_is_a_400_problem() {
        String large = "{\"batch\":[],\"pad\":\"" + "x".repeat(1_100_000) + "\"}";
        Reply reply = Documented.as(post("/v1/batch", large, true), "POST", "/v1/batch");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void a_body_larger_than_the_server_reads_is_a_413_problem() {
        String huge = "{\"batch\":[],\"pad\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";
        Reply reply = Documented.as(post("/v1/batch", huge, true), "POST", "/v1/batch");
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
