package io.attune.bench.handoff;

import io.attune.bench.handoff.HandOffLedger.Clocks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the journeys' messages at a steady rate, open-loop: batch {@code k} is meant to leave at
 * {@code start + k × batch / rate} whatever the earlier ones are doing, so a slow answer does not slow
 * the load (and latencies are taken from the intended time, so a stalled sender cannot hide a stall).
 * When a journey to be accepted has sent its last message and that batch is acknowledged, sales
 * accepts the lead ({@code POST /api/leads/{id}/accept}), which hands it off once more as an SQL.
 */
final class OpenLoopLoad {
    private static final String ACCEPT = """
            {"budget":"self-pay","authority":"self","need":"therapy for anxiety","timeline":"this month",\
            "user":"intake-1"}""";

    private final HttpClient http;
    private final URI batchUri;
    private final String writeAuth;
    private final URI api;
    private final String adminAuth;
    private final ConsumerJourneys journeys;
    private final int rate;
    private final int batchSize;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();
    private final Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger acceptRefused = new AtomicInteger();
    private final AtomicInteger acceptFailed = new AtomicInteger();
    private long[] acks = new long[0];
    private long maxLagNanos;
    private long startNanos;
    private int batches;

    OpenLoopLoad(HttpClient http, URI server, String writeAuth, String adminAuth, ConsumerJourneys journeys, int rate,
            int batchSize) {
        this.http = http;
        this.batchUri = server.resolve("/v1/batch");
        this.writeAuth = writeAuth;
        this.api = server;
        this.adminAuth = adminAuth;
        this.journeys = journeys;
        this.rate = rate;
        this.batchSize = batchSize;
    }

    long tickNanos() {
        return batchSize * 1_000_000_000L / rate;
    }

    /** Sends for {@code durationNanos} from {@code startNanos}, then waits for every answer. */
    void run(long startNanos, long durationNanos, Clocks clocks) {
        long tick = tickNanos();
        this.startNanos = startNanos;
        batches = (int) (durationNanos / tick);
        acks = new long[batches];
        List<Journey> finished = new ArrayList<>();
        for (int k = 0; k < batches; k++) {
            long intended = startNanos + k * tick;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long timestamp = clocks.anchorMillis() + Math.floorDiv(intended - clocks.anchorNanos(), 1_000_000L);
            finished.clear();
            byte[] body = journeys.batch(k, batchSize, intended, timestamp, finished);
            List<Journey> toAccept = finished.stream().filter(Journey::accept).toList();
            maxLagNanos = Math.max(maxLagNanos, System.nanoTime() - intended);
            int batch = k;
            pending.add(http.sendAsync(post(batchUri, writeAuth, body), HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        if (failure == null && response.statusCode() == 200) {
                            acks[batch] = System.nanoTime();
                            return true;
                        }
                        refusals.merge(failure == null ? response.statusCode() : -1, 1, Integer::sum);
                        return false;
                    })
                    .thenCompose(ok -> ok ? accept(toAccept) : CompletableFuture.completedFuture(null)));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> accept(List<Journey> leads) {
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (Journey journey : leads) {
            URI uri = api.resolve("/api/leads/" + journey.lead().value() + "/accept");
            answers.add(http.sendAsync(post(uri, adminAuth, ACCEPT.getBytes(StandardCharsets.UTF_8)),
                    HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                        if (failure != null) {
                            acceptFailed.incrementAndGet();
                        } else if (response.statusCode() == 200) {
                            accepted.incrementAndGet();
                        } else if (response.statusCode() == 409) {
                            acceptRefused.incrementAndGet();
                        } else {
                            acceptFailed.incrementAndGet();
                        }
                        return null;
                    }));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
    }

    private static HttpRequest post(URI uri, String auth, byte[] body) {
        return HttpRequest.newBuilder(uri).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** When batch {@code k} was meant to leave (nanoTime). */
    long intended(int k) {
        return startNanos + k * tickNanos();
    }

    /** When each batch's 200 came back (nanoTime), 0 for one that was refused or failed. */
    long[] acks() {
        return acks;
    }

    int batches() {
        return batches;
    }

    int batchSize() {
        return batchSize;
    }

    /** Batches answered with anything but 200, or not at all. */
    int refused() {
        return refusals.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The refused batches by status; -1 for those that got no answer. */
    Map<Integer, Integer> refusals() {
        return new TreeMap<>(refusals);
    }

    int accepted() {
        return accepted.get();
    }

    int acceptRefused() {
        return acceptRefused.get();
    }

    int acceptFailed() {
        return acceptFailed.get();
    }

    /** How far behind its schedule the sender was at worst. */
    long maxLagNanos() {
        return maxLagNanos;
    }
}
