package io.attune.cli.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * Sends demo batches to Attune's {@code POST /v1/batch} the way a Segment SDK does: the write key as
 * the Basic-auth user name with an empty password, every other batch gzip-compressed, a fresh
 * {@code sentAt} on every attempt. A {@code 429} is waited out for its {@code Retry-After} and the
 * same batch sent again, as are {@code 5xx} answers and broken connections, with doubling back-off;
 * message ids make every resend safe. Batches of one {@linkplain DemoBatch#lane() lane} go one after
 * another; lanes go side by side, up to {@code concurrency} requests in flight.
 *
 * <pre>{@code
 * DemoDriver driver = new DemoDriver(HttpClient.newHttpClient(),
 *         DemoDriver.Settings.defaults(URI.create("http://127.0.0.1:8080"), writeKey));
 * DemoDriver.Delivery delivery = driver.send(traffic.batches());
 * }</pre>
 */
public final class DemoDriver {
    /** A problem body longer than this is cut: it is for a person to read, not to store. */
    private static final int MAX_PROBLEM_CHARS = 4_000;
    /** A server asking for longer than this is taken to mean "later", and the batch is tried then. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
    /** How often one batch may be throttled before the driver gives it up. */
    private static final int MAX_THROTTLED = 100;

    /**
     * @param baseUrl where Attune listens, e.g. {@code http://127.0.0.1:8080}
     * @param writeKey the workspace's write key
     * @param concurrency the most requests in flight
     * @param requestTimeout how long one request may take before it counts as a broken connection
     * @param maxAttempts how often one batch is tried when it meets 5xx answers or broken connections
     * @param firstBackoff the wait after the first 5xx, broken connection, or 429 without {@code Retry-After};
     *     it doubles with each further one
     * @param maxBackoff the longest back-off
     */
    public record Settings(URI baseUrl, String writeKey, int concurrency, Duration requestTimeout, int maxAttempts,
            Duration firstBackoff, Duration maxBackoff) {
        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(writeKey, "writeKey");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            requireArgument("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()),
                    "the base URL must be http or https");
            requireArgument(!writeKey.isEmpty() && writeKey.indexOf(':') < 0,
                    "the write key must be non-empty and hold no ':'");
            requireArgument(concurrency >= 1 && concurrency <= 16, "concurrency must be between 1 and 16");
            requireArgument(!requestTimeout.isNegative() && !requestTimeout.isZero(),
                    "the request timeout must be positive");
            requireArgument(maxAttempts >= 1, "at least one attempt is needed");
            requireArgument(!firstBackoff.isNegative() && firstBackoff.compareTo(maxBackoff) <= 0,
                    "the first back-off must be between zero and the longest back-off");
        }

        /** Three requests in flight, 30-second requests, up to ten attempts, back-off from 200 ms to 10 s. */
        public static Settings defaults(URI baseUrl, String writeKey) {
            return new Settings(baseUrl, writeKey, 3, Duration.ofSeconds(30), 10, Duration.ofMillis(200),
                    Duration.ofSeconds(10));
        }

        private static void requireArgument(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /**
     * What sending came to.
     *
     * @param batches batches Attune acknowledged with a 2xx
     * @param messages messages in those batches (resent copies included; Attune recorded each id once)
     * @param retries attempts beyond the first, after a 429, a 5xx or a broken connection
     * @param rejections batches Attune refused with a 4xx other than 429; not retried
     * @param failures batches given up: {@code maxAttempts} 5xx answers or broken connections, or endless 429s
     */
    public record Delivery(int batches, int messages, int retries, List<Rejection> rejections, List<Failure> failures) {
        public Delivery {
            rejections = List.copyOf(rejections);
            failures = List.copyOf(failures);
        }

        public boolean complete() {
            return rejections.isEmpty() && failures.isEmpty();
        }
    }

    /** A batch Attune refused, with the problem details it answered (RFC 9457 JSON). */
    public record Rejection(int batch, int status, String problem) {
    }

    /** A batch that never got through, and the last reason. */
    public record Failure(int batch, String reason) {
    }

    /** How the driver waits; tests pass one that does not. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient client;
    private final Settings settings;
    private final Clock clock;
    private final Pause pause;
    private final URI endpoint;
    private final String authorization;

    public DemoDriver(HttpClient client, Settings settings) {
        this(client, settings, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    }

    DemoDriver(HttpClient client, Settings settings, Clock clock, Pause pause) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
        String base = settings.baseUrl().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/batch");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((settings.writeKey() + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends every batch and returns once each is acknowledged, refused or given up. */
    public Delivery send(List<DemoBatch> batches) throws InterruptedException {
        List<DemoBatch> ordered = batches.stream().sorted(Comparator.comparingInt(DemoBatch::sequence)).toList();
        int workers = (int) Math.min(settings.concurrency(), ordered.stream().map(DemoBatch::lane).distinct().count());
        if (workers == 0) {
            return new Delivery(0, 0, 0, List.of(), List.of());
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "attune-demo-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Tally>> futures = new ArrayList<>(workers);
            for (int worker = 0; worker < workers; worker++) {
                int mine = worker;
                List<DemoBatch> share = ordered.stream().filter(batch -> batch.lane() % workers == mine).toList();
                futures.add(executor.submit(() -> sendInOrder(share)));
            }
            Tally total = new Tally();
            for (Future<Tally> future : futures) {
                total.add(future.get());
            }
            total.rejections.sort(Comparator.comparingInt(Rejection::batch));
            total.failures.sort(Comparator.comparingInt(Failure::batch));
            return new Delivery(total.batches, total.messages, total.retries, total.rejections, total.failures);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a demo sender failed", e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    /** One worker's counts; merged once every worker is done, so no count is shared between threads. */
    private static final class Tally {
        private int batches;
        private int messages;
        private int retries;
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<Failure> failures = new ArrayList<>();

        void add(Tally other) {
            batches += other.batches;
            messages += other.messages;
            retries += other.retries;
            rejections.addAll(other.rejections);
            failures.addAll(other.failures);
        }
    }

    private Tally sendInOrder(List<DemoBatch> batches) throws InterruptedException {
        Tally tally = new Tally();
        for (DemoBatch batch : batches) {
            sendOne(batch, tally);
        }
        return tally;
    }

    /**
     * Sends one batch until it is acknowledged or refused. A 429 says the server is healthy but busy, so
     * it does not use up an attempt (only a generous bound on how often it may repeat); 5xx answers and
     * broken connections do.
     */
    private void sendOne(DemoBatch batch, Tally tally) throws InterruptedException {
        boolean gzip = batch.sequence() % 2 == 0;
        Duration backoff = settings.firstBackoff();
        int failed = 0;
        int throttled = 0;
        while (true) {
            Optional<HttpResponse<String>> answer = post(batch, gzip);
            int status = answer.map(HttpResponse::statusCode).orElse(0);
            if (status >= 200 && status < 300) {
                tally.batches++;
                tally.messages += batch.messageCount();
                return;
            }
            if (status >= 400 && status < 500 && status != 429) {
                tally.rejections.add(new Rejection(batch.sequence(), status, truncated(answer.get().body())));
                return;
            }
            Duration wait;
            if (status == 429) {
                if (++throttled > MAX_THROTTLED) {
                    tally.failures.add(new Failure(batch.sequence(), "still 429 Too Many Requests after "
                            + MAX_THROTTLED + " waits"));
                    return;
                }
                wait = retryAfter(answer.get()).orElse(backoff);
            } else {
                if (++failed >= settings.maxAttempts()) {
                    tally.failures.add(new Failure(batch.sequence(), status == 0
                            ? "no response (connection failed or timed out)" : "HTTP " + status));
                    return;
                }
                wait = backoff;
            }
            tally.retries++;
            pause.sleep(wait);
            backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
        }
    }

    /** One attempt; empty when the connection failed, which is retried like a 5xx. */
    private Optional<HttpResponse<String>> post(DemoBatch batch, boolean gzip) throws InterruptedException {
        byte[] body = batch.body(clock.instant());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.requestTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("User-Agent", "attune-demo");
        if (gzip) {
            body = gzip(body);
            request.header("Content-Encoding", "gzip");
        }
        try {
            return Optional.of(client.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code Retry-After} as delay-seconds or as an HTTP date, capped at {@link #MAX_RETRY_AFTER}. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.get()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(min(wait, MAX_RETRY_AFTER));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String truncated(String text) {
        return text.length() <= MAX_PROBLEM_CHARS ? text : text.substring(0, MAX_PROBLEM_CHARS) + "…";
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            // writing to memory does not fail
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
