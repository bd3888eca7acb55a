package io.attune.bench.ingest;

import io.attune.bench.CpuClock;
import io.attune.bench.CpuCost;
import io.attune.bench.ThreadCensus;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.server.AttuneServer;
import io.attune.store.Store;
import io.attune.store.crypto.Keyring;
import io.attune.store.db.Database;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Durable HTTP batch ingestion into the default SQLite store, beside the limit: a raw JDBC batch
 * insert of the very rows ingestion wrote, into a fresh database with the same schema, in
 * transactions of the same size as the HTTP batches, with SQLite's default page cache and with
 * Attune's, the faster of the two counting. Each run uses fresh databases; the report gives every
 * run and the medians.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -q -B -pl attune-bench -am package -DskipTests
 * java -cp attune-bench/target/benchmarks.jar io.attune.bench.ingest.IngestionBenchmark \
 *     [events=200000] [people=20000] [batch=500] [clients=4] [runs=5]
 * </pre>
 * Each run warms up with half as many events again before it measures, and before the first run a
 * whole unmeasured run lets the JIT compilers finish: otherwise they take a fifth of the first run's CPU.
 * The HTTP clients run in the same JVM, on the same two cores, so their cost counts against ingestion.
 *
 * <p>Each run also ingests the same traffic into a store that keeps lead states and events unsealed
 * (no AES-GCM), alternating which goes first, so that the cost of encryption at rest is a ratio from
 * the same run. Attune itself always seals.
 */
public final class IngestionBenchmark {
    /** SQLite's own default page cache, in KiB. */
    private static final int SQLITE_DEFAULT_CACHE_KIB = 2000;

    private IngestionBenchmark() {
    }

    private record Settings(int events, int people, int batch, int clients, int runs) {
        static Settings parse(String[] args) {
            int events = 200_000;
            int people = 20_000;
            int batch = 500;
            int clients = 4;
            int runs = 5;
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                int value = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "events" -> events = value;
                    case "people" -> people = value;
                    case "batch" -> batch = value;
                    case "clients" -> clients = value;
                    case "runs" -> runs = value;
                    default -> throw new IllegalArgumentException("unknown setting " + pair[0]);
                }
            }
            return new Settings(events, people, batch, clients, runs);
        }
    }

    private record Run(double ingestPerSecond, double rawPerSecond, double unsealedPerSecond, CpuCost cpu) {
        double ratio() {
            return ingestPerSecond / rawPerSecond;
        }

        double sealedRatio() {
            return ingestPerSecond / unsealedPerSecond;
        }
    }

    private record Ingested(double ingestPerSecond, double rawPerSecond, CpuCost cpu) {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        System.out.printf("ingestion benchmark: %d events, %d people, batches of %d, %d clients, %d runs%n",
                settings.events(), settings.people(), settings.batch(), settings.clients(), settings.runs());
        run(settings, -1, null);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < settings.runs(); i++) {
            System.out.printf("run %d, load average before: %s%n", i + 1, loadAverage());
            boolean sealedFirst = i % 2 == 0;
            Ingested first = run(settings, i, sealedFirst ? null : new UnsealedCells());
            Ingested second = run(settings, i, sealedFirst ? new UnsealedCells() : null);
            Ingested sealed = sealedFirst ? first : second;
            Run run = new Run(sealed.ingestPerSecond(), sealed.rawPerSecond(),
                    (sealedFirst ? second : first).ingestPerSecond(), sealed.cpu());
            runs.add(run);
            System.out.printf("run %d: HTTP ingestion %,.0f events/s, raw JDBC insert %,.0f rows/s, ratio %.2f; "
                            + "unsealed ingestion %,.0f events/s, sealed/unsealed %.3f; CPU per event: %.1f µs in all, "
                            + "%.1f µs on the writer thread%n", i + 1,
                    run.ingestPerSecond(), run.rawPerSecond(), run.ratio(), run.unsealedPerSecond(), run.sealedRatio(),
                    run.cpu().processMicros(), run.cpu().writerMicros());
        }
        System.out.printf("median: HTTP ingestion %,.0f events/s, raw JDBC insert %,.0f rows/s, ratio %.2f; "
                        + "unsealed ingestion %,.0f events/s, sealed/unsealed %.3f%n",
                median(runs.stream().map(Run::ingestPerSecond).toList()),
                median(runs.stream().map(Run::rawPerSecond).toList()),
                median(runs.stream().map(Run::ratio).toList()),
                median(runs.stream().map(Run::unsealedPerSecond).toList()),
                median(runs.stream().map(Run::sealedRatio).toList()));
        System.out.printf("median CPU per event: %.1f µs in all, %.1f µs on the writer thread%n",
                median(runs.stream().map(run -> run.cpu().processMicros()).toList()),
                median(runs.stream().map(run -> run.cpu().writerMicros()).toList()));
        System.out.printf("load average after: %s%n", loadAverage());
    }

    /** One measured ingestion into a fresh store: sealed as Attune does, or with {@code unsealed} as the baseline. */
    private static Ingested run(Settings settings, int index, UnsealedCells unsealed) throws Exception {
        Path directory = Files.createTempDirectory("attune-bench-");
        try {
            Instant now = Instant.now();
            double ingest;
            CpuCost cpu;
            StoreLocation location = new StoreLocation.SqliteDirectory(directory.resolve("attune"));
            try (Store store = unsealed == null
                    ? Store.open(location, Keyring.generate(new SecureRandom()), WriterSettings.DEFAULTS, Clock.systemUTC())
                    : Store.open(location, unsealed, WriterSettings.DEFAULTS, Clock.systemUTC())) {
                Credentials credentials = store.workspaces().create("Bench", Segment.EMPLOYER, now);
                try (AttuneServer server = AttuneServer.start(store, "127.0.0.1", 0, Clock.systemUTC())) {
                    URI batchUri = URI.create("http://127.0.0.1:" + server.port() + "/v1/batch");
                    String auth = "Basic " + Base64.getEncoder().encodeToString((credentials.writeKey() + ":")
                            .getBytes(StandardCharsets.UTF_8));
                    // half as many events again beforehand, so that the measured pass runs compiled code
                    List<byte[]> warmUp = SyntheticBatches.generate("warm" + index, settings.events() / 2,
                            settings.people(), settings.batch(), now, 7 + index);
                    send(batchUri, auth, warmUp, settings.clients());
                    List<byte[]> batches = SyntheticBatches.generate("run" + index, settings.events(),
                            settings.people(), settings.batch(), now, 11 + index);
                    CpuClock clock = CpuClock.start();
                    ThreadCensus census = ThreadCensus.take();
                    long started = System.nanoTime();
                    send(batchUri, auth, batches, settings.clients());
                    long elapsed = System.nanoTime() - started;
                    ingest = settings.events() / (elapsed / 1e9);
                    cpu = clock.per(settings.events());
                    if (index >= 0) {
                        ThreadCensus after = ThreadCensus.take();
                        System.out.println(after.describeSince(census, settings.events(), "event"));
                        after.describeWaitSince(census, "attune-writer", elapsed).ifPresent(System.out::println);
                    }
                }
                store.writer().close();
                // The limit is measured on the rows Attune stores (sealed); the baseline run needs no second one.
                Raw raw = unsealed != null ? null : rawInsert(store.database(), directory.resolve("raw"),
                        "run" + index + "-", settings.batch());
                if (raw != null && index >= 0) {
                    System.out.printf("raw JDBC insert: %,.0f rows/s with SQLite's default page cache, "
                            + "%,.0f rows/s with Attune's%n", raw.defaultCachePerSecond(), raw.attuneCachePerSecond());
                }
                return new Ingested(ingest, raw == null ? Double.NaN : raw.perSecond(), cpu);
            }
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void send(URI uri, String auth, List<byte[]> batches, int clients) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>(batches);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> {
                    byte[] body;
                    while ((body = queue.poll()) != null) {
                        post(http, uri, auth, body);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void post(HttpClient http, URI uri, String auth, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return;
            }
            if (response.statusCode() != 429) {
                throw new IllegalStateException("ingestion answered " + response.statusCode() + ": "
                        + response.body());
            }
            long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
            java.util.concurrent.CompletableFuture.runAsync(() -> { },
                    java.util.concurrent.CompletableFuture.delayedExecutor(wait, java.util.concurrent.TimeUnit.SECONDS))
                    .join();
        }
    }

    /**
     * The limit: the measured run's event rows copied into fresh stores with plain JDBC batches, timing
     * only the inserts, once with SQLite's default page cache and once with Attune's, the faster counting.
     * Appending to a fresh database can go faster with the small cache, whose few pages stay in the
     * processor's caches: on the 2-core machine of the README's figures, by about a tenth.
     */
    private static Raw rawInsert(Database source, Path directory, String messagePrefix, int batch)
            throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = source.connection();
             PreparedStatement select = connection.prepareStatement("SELECT seq, workspace_id, message_id, lead_id, "
                     + "kind, name, occurred_at, received_at, event, extras FROM events WHERE message_id LIKE ? "
                     + "ORDER BY seq")) {
            select.setString(1, messagePrefix + "%");
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Object[] row = new Object[10];
                    for (int i = 0; i < 10; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        double sqliteDefault = rawInsert(rows, directory.resolve("default-cache"), SQLITE_DEFAULT_CACHE_KIB, batch);
        double attunes = rawInsert(rows, directory.resolve("attune-cache"), Database.SQLITE_CACHE_KIB, batch);
        return new Raw(sqliteDefault, attunes);
    }

    /** What a raw insert reached with SQLite's default page cache and with Attune's. */
    private record Raw(double defaultCachePerSecond, double attuneCachePerSecond) {
        double perSecond() {
            return Math.max(defaultCachePerSecond, attuneCachePerSecond);
        }
    }

    private static double rawInsert(List<Object[]> rows, Path directory, int cacheKib, int batch) throws Exception {
        try (Database target = Database.open(new StoreLocation.SqliteDirectory(directory));
             Connection connection = target.connection()) {
            // Database.open gives the raw store the same WAL mode and full synchronous commits as Attune's.
            try (Statement pragma = connection.createStatement()) {
                pragma.execute("PRAGMA cache_size = -" + cacheKib);
            }
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events (seq, workspace_id, "
                    + "message_id, lead_id, kind, name, occurred_at, received_at, event, extras) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int inBatch = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < 10; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                    if (++inBatch == batch) {
                        insert.executeBatch();
                        connection.commit();
                        inBatch = 0;
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            return rows.size() / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
