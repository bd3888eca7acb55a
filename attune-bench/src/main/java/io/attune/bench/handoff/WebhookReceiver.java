package io.attune.bench.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.attune.server.webhook.Verification;
import io.attune.server.webhook.WebhookVerifier;
import io.attune.store.threads.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A customer's webhook endpoint on loopback: verifies each request's Standard Webhooks signature,
 * notes when it arrived (when its headers were in, before the body is read or checked) and answers
 * 204, or 401 to a request that does not verify. It can go down — the port then refuses connections —
 * and come back on the same port.
 */
final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived; {@code time} is the CloudEvents time of the move, in epoch milliseconds. */
    record Arrival(String webhookId, String type, String subject, long time, long arrivedNanos, boolean verified) {
    }

    private volatile WebhookVerifier verifier;
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(4, new DaemonThreads("bench-receiver"));
    private HttpServer server;
    private int port;

    WebhookReceiver() {
        listen(0);
    }

    /** Verifies from now on with {@code trusted}: the secret is known once the destination pointing here exists. */
    void trust(WebhookVerifier trusted) {
        this.verifier = trusted;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/hooks/attune");
    }

    /** Stops listening: connections to the port are refused until {@link #comeBack()}. */
    synchronized void goDown() {
        server.stop(0);
        server = null;
    }

    /**
     * Listens again on the same port; retries for a few seconds in case the port is not free yet, and
     * fails loudly rather than leave the receiver down for good.
     */
    synchronized void comeBack() {
        for (int tries = 1; ; tries++) {
            try {
                listen(port);
                return;
            } catch (UncheckedIOException e) {
                if (tries == 50) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    int received() {
        return count.get();
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on 127.0.0.1:" + onPort, e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            WebhookVerifier trusted = verifier;
            Verification verification = trusted == null ? new Verification.Rejected(Verification.Reason.NO_MATCHING_SIGNATURE)
                    : trusted.verify(exchange.getRequestHeaders(), body);
            JsonNode event = JSON.readTree(body);
            arrivals.add(new Arrival(exchange.getRequestHeaders().getFirst("webhook-id"), event.path("type").asText(),
                    event.path("subject").asText(), OffsetDateTime.parse(event.path("time").asText()).toInstant().toEpochMilli(),
                    arrived, verification.verified()));
            count.incrementAndGet();
            exchange.sendResponseHeaders(verification.verified() ? 204 : 401, -1);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
    }
}
