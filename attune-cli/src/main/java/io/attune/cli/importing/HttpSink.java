package io.attune.cli.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Posts batches to a running server's {@code /v1/batch} with the write key, as an analytics SDK
 * would; waits and resends on 429 and 5xx (message ids make resending safe).
 */
public final class HttpSink implements MessageSink {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 8;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI batch;
    private final String authorization;

    public HttpSink(URI base, String writeKey) {
        this.batch = base.resolve("/v1/batch");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Map<Integer, String> send(List<ObjectNode> messages) throws Exception {
        byte[] body = ("{\"batch\":" + messages + "}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(batch).timeout(Duration.ofMinutes(2))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return Map.of();
            }
            if (status == 400) {
                return refusals(response.body(), messages.size());
            }
            if (status == 401) {
                throw new IllegalStateException("the server did not accept the write key");
            }
            if ((status == 429 || status >= 500) && attempt < ATTEMPTS) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1L << Math.min(attempt, 5));
                CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS))
                        .join();
                continue;
            }
            throw new IllegalStateException("the server answered " + status + " to a batch, " + attempt + " times");
        }
    }

    /** Reads the per-message errors of a 400 problem; a problem without them refuses the whole batch. */
    private static Map<Integer, String> refusals(String body, int size) throws Exception {
        JsonNode problem = JSON.readTree(body);
        Map<Integer, String> refused = new LinkedHashMap<>();
        for (JsonNode error : problem.path("errors")) {
            refused.merge(error.path("index").asInt(), MessageSink.reason(error.path("field").asText(),
                    error.path("message").asText()), (a, b) -> a + "; " + b);
        }
        if (refused.isEmpty()) {
            String reason = problem.path("detail").asText(problem.path("title").asText("refused"));
            for (int i = 0; i < size; i++) {
                refused.put(i, reason);
            }
        }
        return refused;
    }
}
