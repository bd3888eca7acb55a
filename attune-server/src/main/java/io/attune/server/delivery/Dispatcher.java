package io.attune.server.delivery;

import io.attune.core.egress.EgressDecision;
import io.attune.core.egress.OutboundPayload;
import io.attune.core.event.Attributes;
import io.attune.core.handoff.ConfiguredDestination;
import io.attune.core.handoff.DeliveryAttempt;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.Destinations;
import io.attune.core.handoff.Outbox;
import io.attune.core.handoff.PendingDelivery;
import io.attune.core.handoff.RetryPolicy;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.threads.DaemonThreads;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox at least once: every few hundred milliseconds it takes the due messages, sends
 * each (signed) over HTTP with a per-destination concurrency limit and never two at once for one lead
 * and destination, records every attempt, and schedules a failed one again with back-off and jitter
 * until the destination's maximum attempts, after which the message is dead-lettered. Nothing is kept
 * in memory that a restart would need: an undelivered message is simply due again, with its id.
 *
 * <p>Before every attempt the destination's egress policy decides, as things are at that moment, what
 * of the message may leave ({@link EgressGate}, which records the decision first): sent as it is, sent
 * with what the policy left of it, or blocked — then nothing is sent, ever: the message ends
 * {@code blocked}, is not retried, not dead-lettered and cannot be replayed.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 200;

    private final Outbox outbox;
    private final Destinations destinations;
    private final EgressGate gate;
    private final MessageRenderer renderer;
    private final Settings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService schedule;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    /** How often to look for due messages, how long to wait for a receiver, and how to back off. */
    public record Settings(Duration poll, Duration timeout, RetryPolicy retry) {
        public static final Settings DEFAULTS = new Settings(Duration.ofMillis(100), Duration.ofSeconds(10),
                RetryPolicy.DEFAULT);
    }

    public Dispatcher(Outbox outbox, Destinations destinations, EgressGate gate, MessageRenderer renderer,
            Settings settings, Clock clock) {
        this.outbox = outbox;
        this.destinations = destinations;
        this.gate = gate;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.schedule = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("attune-dispatcher"));
    }

    public Dispatcher start() {
        schedule.scheduleWithFixedDelay(this::dispatchDue, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void dispatchDue() {
        try {
            Instant now = clock.instant();
            for (PendingDelivery delivery : outbox.due(now, BATCH)) {
                String lane = lane(delivery.workspace(), delivery.message().destination(), delivery.message().subject());
                Semaphore limit = permits.computeIfAbsent(delivery.workspace() + "/" + delivery.message().destination(),
                        key -> new Semaphore(concurrency(delivery)));
                if (!inFlight.add(lane)) {
                    continue;
                }
                if (!limit.tryAcquire()) {
                    inFlight.remove(lane);
                    continue;
                }
                CompletableFuture<Void> sent;
                try {
                    sent = claimed(delivery, now) ? send(delivery) : null;
                } catch (RuntimeException e) {
                    // A claim that fails (SQLite busy past its timeout) must not keep the permit and the
                    // lead's lane: both would be lost for good and the destination would stall.
                    limit.release();
                    inFlight.remove(lane);
                    throw e;
                }
                if (sent == null) {
                    limit.release();
                    inFlight.remove(lane);
                    continue;
                }
                sent.whenComplete((done, failure) -> {
                    limit.release();
                    inFlight.remove(lane);
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("looking for due hand-offs failed ({}); the next poll retries", e.getClass().getSimpleName());
        }
    }

    /**
     * The read of due messages may be older than an attempt that just finished; the claim makes sure
     * this attempt is the next one. Its lease outlasts the request, so a dispatcher that dies
     * mid-send leaves the message to be sent again afterwards.
     */
    private boolean claimed(PendingDelivery delivery, Instant now) {
        Instant leaseUntil = now.plus(settings.timeout().multipliedBy(2)).plusSeconds(5);
        return outbox.claim(delivery, now, leaseUntil);
    }

    private int concurrency(PendingDelivery delivery) {
        return destinations.configured(delivery.workspace(), delivery.message().destination())
                .map(configured -> configured.destination().maxConcurrency()).orElse(1);
    }

    private static String lane(WorkspaceId workspace, DestinationId destination, String subject) {
        return workspace + "/" + destination + "/" + subject;
    }

    private CompletableFuture<Void> send(PendingDelivery delivery) {
        int attempt = delivery.attempts() + 1;
        Instant started = clock.instant();
        Optional<ConfiguredDestination> destination = destinations.configured(delivery.workspace(),
                delivery.message().destination());
        if (destination.isEmpty()) {
            record(delivery, new DeliveryAttempt(delivery.message().id(), attempt, started,
                    DeliveryAttempt.Outcome.UNREACHABLE, OptionalInt.empty(), 0,
                    Optional.of("the destination was removed")));
            return CompletableFuture.completedFuture(null);
        }
        if (!destination.get().destination().enabled()) {
            return CompletableFuture.completedFuture(null);
        }
        Optional<Attributes> released = released(delivery, destination.get().destination(), attempt, started);
        if (released.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Rendered rendered;
        try {
            rendered = renderer.render(delivery, destination.get(), released.get());
        } catch (RuntimeException e) {
            // A preset or secret that no longer reads is the operator's to fix; the attempt says so and is retried.
            record(delivery, new DeliveryAttempt(delivery.message().id(), attempt, started,
                    DeliveryAttempt.Outcome.REJECTED, OptionalInt.empty(), 0,
                    Optional.of("the message could not be prepared: " + e.getMessage())));
            return CompletableFuture.completedFuture(null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(destination.get().destination().url())
                .timeout(settings.timeout()).POST(HttpRequest.BodyPublishers.ofByteArray(rendered.body()));
        rendered.headers().forEach(request::header);
        long start = System.nanoTime();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            record(delivery, outcome(delivery.message().id(), attempt, started, latency, response, failure));
            return null;
        });
    }

    /**
     * What the egress policy lets leave for this attempt, once the decision is recorded; empty when
     * nothing is to be sent now: blocked for good, held for later (put back without an attempt), or undecided because the decision could not be
     * taken or recorded (the claim's lease runs out and the message is decided again then).
     */
    private Optional<Attributes> released(PendingDelivery delivery, Destination destination, int attempt,
            Instant at) {
        EgressDecision decision;
        try {
            decision = gate.decide(delivery, destination, attempt, at);
        } catch (RuntimeException e) {
            LOG.warn("the egress decision for hand-off {} to {} could not be taken or recorded ({}); nothing was sent,"
                    + " and it is decided again later", delivery.message().id(), destination.id(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
        if (decision instanceof EgressDecision.Blocked blocked) {
            try {
                outbox.block(delivery, blocked.reason());
            } catch (RuntimeException e) {
                // Still pending: decided again (and blocked again) when the lease runs out; never sent.
                LOG.warn("marking hand-off {} blocked failed ({})", delivery.message().id(),
                        e.getClass().getSimpleName());
            }
            LOG.info("hand-off {} to {} was blocked by its egress policy ({})", delivery.message().id(),
                    destination.id(), String.join(", ", decision.ruleIds()));
            return Optional.empty();
        }
        if (decision instanceof EgressDecision.Held held) {
            try {
                outbox.defer(delivery, held.until(), "held: " + held.reason());
            } catch (RuntimeException e) {
                // Still claimed: decided again (and held again) when the lease runs out; never sent early.
                LOG.warn("holding hand-off {} failed ({})", delivery.message().id(), e.getClass().getSimpleName());
            }
            LOG.info("hand-off {} to {} is held until {} ({})", delivery.message().id(), destination.id(),
                    held.until(), String.join(", ", decision.ruleIds()));
            return Optional.empty();
        }
        return decision.deliverable().map(OutboundPayload::attributes);
    }

    private static DeliveryAttempt outcome(String id, int attempt, Instant at, long latency, HttpResponse<Void> response,
            Throwable failure) {
        if (failure == null) {
            int status = response.statusCode();
            boolean delivered = status >= 200 && status < 300;
            return new DeliveryAttempt(id, attempt, at, delivered ? DeliveryAttempt.Outcome.DELIVERED
                    : DeliveryAttempt.Outcome.REJECTED, OptionalInt.of(status), latency,
                    delivered ? Optional.empty() : Optional.of("the receiver answered " + status));
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return new DeliveryAttempt(id, attempt, at, DeliveryAttempt.Outcome.TIMED_OUT, OptionalInt.empty(),
                    latency, Optional.of("no answer within the timeout"));
        }
        String why = cause instanceof ConnectException ? "connection refused or unreachable"
                : cause instanceof IOException ? "the connection failed (" + cause.getClass().getSimpleName() + ")"
                : cause.getClass().getSimpleName();
        return new DeliveryAttempt(id, attempt, at, DeliveryAttempt.Outcome.UNREACHABLE, OptionalInt.empty(), latency,
                Optional.of(why));
    }

    private void record(PendingDelivery delivery, DeliveryAttempt attempt) {
        Optional<Instant> retryAt = attempt.outcome() == DeliveryAttempt.Outcome.DELIVERED
                || attempt.attempt() >= delivery.maxAttempts()
                ? Optional.empty()
                : Optional.of(clock.instant().plus(settings.retry().after(attempt.attempt(),
                        ThreadLocalRandom.current().nextDouble())));
        try {
            outbox.attempted(attempt, retryAt);
        } catch (RuntimeException e) {
            // Unrecorded, the message stays due and is sent again: at least once, never lost.
            LOG.warn("recording a delivery attempt failed ({})", e.getClass().getSimpleName());
        }
        if (attempt.outcome() != DeliveryAttempt.Outcome.DELIVERED && retryAt.isEmpty()) {
            LOG.warn("hand-off {} to {} was dead-lettered after {} attempts", attempt.messageId(),
                    delivery.message().destination(), attempt.attempt());
        }
    }

    /** Stops polling; sends under way finish or are retried after a restart. */
    @Override
    public void close() {
        DaemonThreads.drain(schedule, Duration.ofSeconds(5));
    }
}
