package io.attune.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver against a loopback HTTP server that answers as the test scripts it. */
class DemoDriverTest {
    private static final Instant NOW = Instant.parse("2025-06-02T12:00:00Z");
    private static final String WRITE_KEY = "wk_demo_123";

    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, AtomicInteger> attemptsByBatch = new ConcurrentHashMap<>();
    private volatile Function<Received, Answer> script = request -> new Answer(200, Map.of(), "{\"success\":true}");
    private HttpServer server;
    private ExecutorService handlers;
    private List<DemoBatch> batches;

    /** One request as the server saw it, its body inflated when it came gzipped. */
    private record Received(int batch, String authorization, String encoding, String body) {
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        batches = new DemoTraffic(new DemoTraffic.Settings(3, 120, NOW, Duration.ofDays(21), 4, 40,
                DemoTraffic.Settings.DEFAULT_BATCH_BYTES)).generate().batches();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/batch", this::handle);
        handlers = Executors.newFixedThreadPool(4);
        server.setExecutor(handlers);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void sends_every_batch_with_the_write_key_as_basic_user_and_half_of_them_gzipped() throws Exception {
        DemoDriver.Delivery delivery = driver(3).send(batches);

        assertThat(delivery.complete()).isTrue();
        assertThat(delivery.batches()).isEqualTo(batches.size());
        assertThat(delivery.messages()).isEqualTo(batches.stream().mapToInt(DemoBatch::messageCount).sum());
        assertThat(delivery.retries()).isZero();
        String expected = "Basic " + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        assertThat(received).allSatisfy(request -> {
            assertThat(request.authorization()).isEqualTo(expected);
            assertThat(request.body()).startsWith("{\"batch\":[").contains("\"sentAt\":\"2025-06-02T12:00:00.000Z\"");
        });
        assertThat(received).filteredOn(request -> "gzip".equals(request.encoding())).hasSize((batches.size() + 1) / 2);
        assertThat(received).filteredOn(request -> request.encoding() == null).hasSize(batches.size() / 2);
    }

    @Test
    void batches_of_one_lane_arrive_in_order_while_lanes_go_side_by_side() throws Exception {
        driver(2).send(batches);

        for (int lane = 0; lane < 4; lane++) {
            int mine = lane;
            List<Integer> arrived = received.stream().map(Received::batch)
                    .filter(sequence -> batches.get(sequence).lane() == mine).toList();
            assertThat(arrived).as("lane %d", lane).isSorted();
        }
    }

    @Test
    void a_429_is_waited_out_for_its_retry_after_and_the_same_batch_sent_again() throws Exception {
        script = request -> attempt(request) == 1 && request.batch() == 0
                ? new Answer(429, Map.of("Retry-After", "3"), "")
                : new Answer(200, Map.of(), "{\"success\":true}");

        DemoDriver.Delivery delivery = driver(1).send(batches);

        assertThat(delivery.complete()).isTrue();
        assertThat(delivery.retries()).isEqualTo(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        List<String> bodies = received.stream().filter(request -> request.batch() == 0).map(Received::body).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
    }

    @Test
    void server_errors_are_retried_with_doubling_back_off() throws Exception {
        script = request -> request.batch() == 1 && attempt(request) <= 2
                ? new Answer(503, Map.of(), "")
                : new Answer(200, Map.of(), "{\"success\":true}");

        DemoDriver.Delivery delivery = driver(1).send(batches);

        assertThat(delivery.complete()).isTrue();
        assertThat(delivery.retries()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void a_batch_that_keeps_failing_is_given_up_after_the_last_attempt() throws Exception {
        script = request -> request.batch() == 2
                ? new Answer(500, Map.of(), "")
                : new Answer(200, Map.of(), "{\"success\":true}");

        DemoDriver.Delivery delivery = driver(1).send(batches);

        assertThat(delivery.failures()).containsExactly(new DemoDriver.Failure(2, "HTTP 500"));
        assertThat(attemptsByBatch.get(2)).hasValue(10);
        assertThat(delivery.batches()).isEqualTo(batches.size() - 1);
    }

    @Test
    void a_refused_batch_is_reported_with_its_problem_and_not_resent() throws Exception {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Invalid messages\",\"status\":400}";
        script = request -> request.batch() == 0
                ? new Answer(400, Map.of("Content-Type", "application/problem+json"), problem)
                : new Answer(200, Map.of(), "{\"success\":true}");

        DemoDriver.Delivery delivery = driver(1).send(batches);

        assertThat(delivery.rejections()).containsExactly(new DemoDriver.Rejection(0, 400, problem));
        assertThat(attemptsByBatch.get(0)).hasValue(1);
        assertThat(delivery.retries()).isZero();
    }

    private DemoDriver driver(int concurrency) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        DemoDriver.Settings settings = new DemoDriver.Settings(base, WRITE_KEY, concurrency, Duration.ofSeconds(10), 10,
                Duration.ofMillis(200), Duration.ofSeconds(10));
        return new DemoDriver(HttpClient.newHttpClient(), settings, Clock.fixed(NOW, ZoneOffset.UTC), waits::add);
    }

    private int attempt(Received request) {
        return attemptsByBatch.get(request.batch()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        String body = new String(encoding == null ? raw : inflate(raw), StandardCharsets.UTF_8);
        int batch = sequenceOf(body);
        Received request = new Received(batch, exchange.getRequestHeaders().getFirst("Authorization"), encoding, body);
        received.add(request);
        attemptsByBatch.computeIfAbsent(batch, b -> new AtomicInteger()).incrementAndGet();
        Answer answer = script.apply(request);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }

    /** Which batch a body is, found by its first message. */
    private int sequenceOf(String body) {
        for (DemoBatch batch : batches) {
            if (body.startsWith("{\"batch\":[" + batch.messages().get(0))) {
                return batch.sequence();
            }
        }
        throw new AssertionError("the server received a body that is no demo batch");
    }

    private static byte[] inflate(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }
}
