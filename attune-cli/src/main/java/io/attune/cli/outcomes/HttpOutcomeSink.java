package io.attune.cli.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.outcome.OutcomeSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Posts updates to a running server's {@code POST /api/outcomes} with an admin API key; waits and
 * resends on 429 and 5xx, which is safe: an update stored before is answered as a duplicate.
 */
public final class HttpOutcomeSink implements OutcomeSink {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 8;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String authorization;

    public HttpOutcomeSink(URI base, String apiKey) {
        this.endpoint = base.resolve("/api/outcomes");
        this.authorization = "Bearer " + apiKey;
    }

    @Override
    public JsonNode send(OutcomeSource source, List<ObjectNode> updates) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("source", source.value());
        body.putArray("updates").addAll(updates);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(2))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return JSON.readTree(response.body());
            }
            if (status == 401) {
                throw new IllegalStateException("the server did not accept the API key");
            }
            if (status == 403) {
                throw new IllegalStateException("the API key may only read; sending outcomes needs an admin key");
            }
            if ((status == 429 || status >= 500) && attempt < ATTEMPTS) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1L << Math.min(attempt, 5));
                CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS))
                        .join();
                continue;
            }
            JsonNode problem = status == 400 ? JSON.readTree(response.body()) : JSON.missingNode();
            throw new IllegalStateException("the server answered " + status + " to a request of updates"
                    + (problem.has("detail") ? ": " + problem.path("detail").asText() : ""));
        }
    }
}
