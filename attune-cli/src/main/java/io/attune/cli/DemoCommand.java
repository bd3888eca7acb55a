package io.attune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.cli.demo.DemoDriver;
import io.attune.cli.demo.DemoTraffic;
import io.attune.cli.demo.SyntheticTraffic;
import io.attune.core.model.Segment;
import io.attune.core.workspace.Credentials;
import io.attune.server.AttuneServer;
import io.attune.store.Store;
import io.attune.store.db.StoreLocation;
import io.attune.store.ingest.WriterSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attune demo}: a fresh store with the starter models, a server, a few thousand synthetic
 * people across the five segments sent through the real HTTP ingestion, and the MQLs that came of
 * it, read back through the real API.
 */
@Command(name = "demo", description = "Starts Attune on a fresh embedded store, sends realistic synthetic traffic "
        + "through its HTTP ingestion, prints the MQLs with their top reasons, and keeps serving until interrupted.")
final class DemoCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--once", description = "exit after the summary instead of serving")
    boolean once;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
            description = "port to serve on (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "keep the demo store in DIR (default: a temporary "
            + "directory removed on exit); DIR must not hold a store already")
    Path data;

    @Option(names = "--people", defaultValue = "3000", paramLabel = "N", description = "how many people (default "
            + "${DEFAULT-VALUE})")
    int people;

    @Option(names = "--seed", defaultValue = "20240917", paramLabel = "S", description = "random seed of the traffic")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean temporary = data == null;
        Path directory = temporary ? Files.createTempDirectory("attune-demo-") : data;
        if (!temporary && Files.exists(directory.resolve("attune.db"))) {
            throw new IllegalArgumentException(directory + " already holds a store; give the demo a fresh --data DIR");
        }
        Clock clock = Clock.systemUTC();
        Store store = Store.open(new StoreLocation.SqliteDirectory(directory), WriterSettings.DEFAULTS, clock);
        AttuneServer server;
        try {
            server = AttuneServer.start(store, "127.0.0.1", port, clock);
        } catch (RuntimeException e) {
            store.close();
            throw new IllegalStateException("cannot listen on port " + port + " (" + e.getMessage()
                    + "); choose another with --port", e);
        }
        Runnable shutdown = () -> {
            server.close();
            store.close();
            if (temporary) {
                delete(directory);
            }
        };
        try {
            Credentials credentials = store.workspaces().create("Attune demo", Segment.CONSUMER, clock.instant());
            URI base = URI.create("http://127.0.0.1:" + server.port());
            out.printf("Attune is serving on %s with a fresh store in %s%n", base, directory);
            drive(out, base, credentials, clock.instant());
            summarise(out, base, credentials.adminKey());
            tour(out, base, credentials);
        } catch (Exception e) {
            shutdown.run();
            throw e;
        }
        out.flush();
        if (once) {
            shutdown.run();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown.run();
            stopped.countDown();
        }, "attune-demo-shutdown"));
        out.println("Serving until interrupted (Ctrl-C).");
        out.flush();
        stopped.await();
        return 0;
    }

    private void drive(PrintWriter out, URI base, Credentials credentials, Instant now) throws InterruptedException {
        SyntheticTraffic traffic = new DemoTraffic(DemoTraffic.Settings.defaults(now).withSeed(seed)
                .withPeople(people)).generate();
        out.printf("Sending %,d messages from %,d people (%s) in %d batches through POST /v1/batch…%n",
                traffic.messages(), traffic.people().size(), describe(traffic.peopleBySegment()),
                traffic.batches().size());
        out.flush();
        DemoDriver.Delivery delivery = new DemoDriver(HttpClient.newHttpClient(),
                DemoDriver.Settings.defaults(base, credentials.writeKey())).send(traffic.batches());
        out.printf("Delivered %,d messages in %d batches (%d retried, %d of them deliberate resends that were "
                        + "recorded once).%n", delivery.messages(), delivery.batches(), delivery.retries(),
                traffic.resent());
        if (!delivery.complete()) {
            delivery.rejections().forEach(r -> out.printf("  batch %d refused with %d: %s%n", r.batch(), r.status(),
                    r.problem()));
            delivery.failures().forEach(f -> out.printf("  batch %d failed: %s%n", f.batch(), f.reason()));
            throw new IllegalStateException("some demo batches were not accepted");
        }
    }

    private static String describe(Map<Segment, Integer> bySegment) {
        List<String> parts = new ArrayList<>();
        bySegment.forEach((segment, count) -> parts.add(count + " " + segment.wireName()));
        return String.join(", ", parts);
    }

    private static void summarise(PrintWriter out, URI base, String adminKey) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<JsonNode> mqls = all(http, base, "/api/mqls", adminKey);
        List<JsonNode> accounts = all(http, base, "/api/accounts?mqa=true", adminKey);
        Map<Segment, Integer> bySegment = new EnumMap<>(Segment.class);
        for (JsonNode mql : mqls) {
            Segment.fromWireName(mql.path("segment").asText()).ifPresent(s -> bySegment.merge(s, 1, Integer::sum));
        }
        out.printf("%n%d MQLs (%s) and %d marketing qualified accounts.%n%n", mqls.size(), describe(bySegment),
                accounts.size());
        mqls.sort(Comparator.comparingDouble((JsonNode m) -> m.path("score").path("total").asDouble()).reversed());
        out.printf("%-27s %-9s %6s  %s%n", "lead", "segment", "score", "top reasons (value now)");
        for (JsonNode mql : mqls.subList(0, Math.min(15, mqls.size()))) {
            List<String> reasons = new ArrayList<>();
            for (JsonNode reason : mql.path("topReasons")) {
                reasons.add(reason.path("rule").asText() + " " + String.format("%+.1f", reason.path("value").asDouble()));
            }
            out.printf("%-27s %-9s %6.1f  %s%n", mql.path("id").asText(), mql.path("segment").asText(),
                    mql.path("score").path("total").asDouble(), String.join(", ", reasons));
        }
        if (mqls.size() > 15) {
            out.printf("… and %d more: GET /api/mqls%n", mqls.size() - 15);
        }
    }

    private static List<JsonNode> all(HttpClient http, URI base, String path, String adminKey)
            throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            String page = path + separator + "limit=500"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(page))
                    .header("Authorization", "Bearer " + adminKey).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            JsonNode body = JSON.readTree(response.body());
            body.path("items").forEach(items::add);
            cursor = body.path("next").isTextual() ? body.path("next").asText() : null;
        } while (cursor != null);
        return items;
    }

    private static void tour(PrintWriter out, URI base, Credentials credentials) {
        out.printf("%nWorkspace %s — write key %s, admin API key %s%n", credentials.workspace().id(),
                credentials.writeKey(), credentials.adminKey());
        out.printf("Try:%n");
        out.printf("  curl -s -H 'Authorization: Bearer %s' '%s/api/mqls?limit=5'%n", credentials.adminKey(), base);
        out.printf("  curl -s -H 'Authorization: Bearer %s' '%s/api/leads/<lead id>'   # every point explained%n",
                credentials.adminKey(), base);
        out.printf("  curl -s -u '%s:' %s/v1/track -H 'Content-Type: application/json' \\%n"
                + "       -d '{\"userId\":\"you-1\",\"event\":\"Demo Requested\"}'%n", credentials.writeKey(), base);
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless; the operating system clears it
        }
    }
}
