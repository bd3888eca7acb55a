package io.attune.bench.handoff;

import io.attune.bench.handoff.HandOffLedger.Clocks;
import io.attune.bench.handoff.HandOffLedger.Findings;
import io.attune.bench.handoff.HandOffLedger.Message;
import io.attune.bench.handoff.HandOffLedger.Window;
import io.attune.bench.handoff.WebhookReceiver.Arrival;
import io.attune.server.delivery.Dispatcher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * From the event that makes a lead an MQL to the signed webhook a local receiver gets, at a steady
 * open-loop load, against the fixed target of DESIGN.md (p99 ≤ 500 ms at 1,000 events/s), beside the
 * round trip of the very ingestion requests that carried the events, measured in the same run: the
 * difference is what the hand-off adds (outbox pick-up, signing, delivery).
 *
 * <p>Each run starts a fresh store and the real server with the dispatcher's default settings, a
 * consumer workspace on its starter model and a destination for {@code lead.mql} and {@code lead.sql}
 * pointing at a receiver on loopback that checks every Standard Webhooks signature. The load sends
 * {@code rate} events a second in {@code /v1/batch} requests of {@code batch} events, from about as
 * many people at once, one message a second each; a share {@code mqls} of them qualify, and sales
 * accepts a share {@code accept} of those when their visit ends (a second message per lead, which must
 * arrive after the first). The first {@code warmup} seconds are not measured.
 *
 * <p>With {@code outage=}, the receiver goes down {@code outageAt} into the measured load (its port
 * refuses connections), stays down for the outage while the load continues, comes back, and the load
 * goes on for {@code seconds} more; the run reports whether every message arrived (at least once,
 * counting duplicates), whether each lead's messages arrived in order, and how long after the
 * receiver's return the backlog took to drain.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -q -B -pl attune-bench -am package -DskipTests
 * java -cp attune-bench/target/benchmarks.jar io.attune.bench.handoff.HandOffLatencyBenchmark \
 *     [rate=1000] [seconds=60] [warmup=15] [runs=3] [batch=10] [mqls=0.05] [accept=0.5] [db=sqlite|postgres]
 * java -cp attune-bench/target/benchmarks.jar io.attune.bench.handoff.HandOffLatencyBenchmark \
 *     outage=10m [outageAt=10s] [seconds=60]
 * </pre>
 * {@code poll=} (milliseconds) overrides the dispatcher's poll interval and {@code concurrency=} the
 * destination's {@code maxConcurrency}, to see what each costs; the reported figures use the defaults. The load, the server and the receiver share one JVM and the
 * machine's cores, as in the ingestion benchmark.
 */
public final class HandOffLatencyBenchmark {
    private static final Duration LIMIT = Duration.ofMillis(500);

    private HandOffLatencyBenchmark() {
    }

    record Settings(String db, int rate, int seconds, int warmup, int runs, int batch, double mqls, double accept,
            Optional<Duration> outage, Duration outageAt, Optional<Duration> poll, Optional<Integer> concurrency) {

        static Settings parse(String[] args) {
            String db = "sqlite";
            int rate = 1000;
            int seconds = 60;
            int warmup = 15;
            Integer runs = null;
            int batch = 10;
            double mqls = 0.05;
            double accept = 0.5;
            Optional<Duration> outage = Optional.empty();
            Duration outageAt = Duration.ofSeconds(10);
            Optional<Duration> poll = Optional.empty();
            Optional<Integer> concurrency = Optional.empty();
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("settings are key=value; got " + arg);
                }
                String value = pair[1];
                switch (pair[0]) {
                    case "db" -> db = value;
                    case "rate" -> rate = Integer.parseInt(value);
                    case "seconds" -> seconds = Integer.parseInt(value);
                    case "warmup" -> warmup = Integer.parseInt(value);
                    case "runs" -> runs = Integer.parseInt(value);
                    case "batch" -> batch = Integer.parseInt(value);
                    case "mqls" -> mqls = Double.parseDouble(value);
                    case "accept" -> accept = Double.parseDouble(value);
                    case "outage" -> outage = Optional.of(duration(value));
                    case "outageAt" -> outageAt = duration(value);
                    case "poll" -> poll = Optional.of(Duration.ofMillis(Long.parseLong(value)));
                    case "concurrency" -> concurrency = Optional.of(Integer.parseInt(value));
                    default -> throw new IllegalArgumentException("unknown setting " + pair[0] + "; the settings are "
                            + "db, rate, seconds, warmup, runs, batch, mqls, accept, outage, outageAt, poll, concurrency");
                }
            }
            if (!db.equals("sqlite") && !db.equals("postgres")) {
                throw new IllegalArgumentException("db must be sqlite or postgres; got " + db);
            }
            if (rate < 1 || batch < 1 || batch > rate || seconds < 1 || warmup < 0) {
                throw new IllegalArgumentException("rate ≥ batch ≥ 1, seconds ≥ 1 and warmup ≥ 0 are required");
            }
            if (mqls <= 0 || mqls > 1 || accept < 0 || accept > 1) {
                throw new IllegalArgumentException("mqls must be in (0, 1] and accept in [0, 1]");
            }
            int runCount = runs != null ? runs : outage.isPresent() ? 1 : 3;
            return new Settings(db, rate, seconds, warmup, runCount, batch, mqls, accept, outage, outageAt, poll,
                    concurrency);
        }

        /** "500ms", "30s", "10m" or "1h". */
        static Duration duration(String text) {
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException("a duration is a number with ms, s, m or h; got " + text);
            };
        }

        Dispatcher.Settings delivery() {
            Dispatcher.Settings defaults = Dispatcher.Settings.DEFAULTS;
            return poll.map(interval -> new Dispatcher.Settings(interval, defaults.timeout(), defaults.retry()))
                    .orElse(defaults);
        }
    }

    /** What one steady run measured. */
    record Run(double achieved, Findings findings, Latencies ingestion, long maxLagNanos, Map<Integer, Integer> refused) {
        double p99Ratio() {
            long p99 = findings.handOff().percentile(99);
            return p99 == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : p99 / (double) LIMIT.toNanos();
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        System.out.printf(Locale.ROOT, "hand-off latency benchmark: %s, %,d events/s in batches of %d, %.0f%% of people "
                        + "qualify, %.0f%% of MQLs accepted, %d s warm-up + %d s measured, %d run(s), dispatcher poll %d ms%s, "
                        + "destination concurrency %s%n",
                settings.db(), settings.rate(), settings.batch(), settings.mqls() * 100, settings.accept() * 100,
                settings.warmup(), settings.seconds(), settings.runs(), settings.delivery().poll().toMillis(),
                settings.poll().isPresent() ? " (not the default)" : " (the default)",
                settings.concurrency().map(n -> n + " (not the default)").orElse("the default"));
        if (settings.outage().isPresent()) {
            for (int i = 0; i < settings.runs(); i++) {
                outage(settings, i);
            }
            return;
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < settings.runs(); i++) {
            Run run = steady(settings, i);
            runs.add(run);
            report(i + 1, run);
        }
        System.out.printf(Locale.ROOT, "median of %d runs: %,.0f events/s; hand-off p50 %s, p95 %s, p99 %s, max %s ms, "
                        + "p99/500 ms %.2f; ingestion round trip p50 %s, p95 %s, p99 %s, max %s ms%n",
                runs.size(), median(runs, Run::achieved),
                ms(median(runs, r -> r.findings().handOff().percentile(50))),
                ms(median(runs, r -> r.findings().handOff().percentile(95))),
                ms(median(runs, r -> r.findings().handOff().percentile(99))),
                ms(median(runs, r -> r.findings().handOff().max())), median(runs, Run::p99Ratio),
                ms(median(runs, r -> r.ingestion().percentile(50))), ms(median(runs, r -> r.ingestion().percentile(95))),
                ms(median(runs, r -> r.ingestion().percentile(99))), ms(median(runs, r -> r.ingestion().max())));
    }

    private static Run steady(Settings settings, int index) throws Exception {
        System.out.println("run " + (index + 1) + " starting, " + load());
        try (HandOffRig rig = HandOffRig.start(settings.db(), settings.delivery(), settings.concurrency())) {
            ConsumerJourneys journeys = journeys(settings, rig, index);
            OpenLoopLoad load = new OpenLoopLoad(rig.http(), rig.server(), rig.writeAuth(), rig.adminAuth(), journeys,
                    settings.rate(), settings.batch());
            Clocks clocks = anchor();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            Window window = new Window(start + seconds(settings.warmup()),
                    start + seconds(settings.warmup() + settings.seconds()));
            load.run(start, window.toNanos() - start, clocks);
            boolean drained = rig.awaitDelivered(Instant.now().plusSeconds(60));
            List<Message> messages = rig.messages();
            Findings findings = HandOffLedger.reconcile(messages, rig.receiver().arrivals(), journeys::journey,
                    journeys.journeys(), load.acks(), clocks, window);
            if (!drained) {
                System.out.println("  (messages still pending a minute after the load stopped)");
            }
            return new Run(achieved(load, window), findings, ingestion(load, window), load.maxLagNanos(),
                    load.refusals());
        }
    }

    private static void outage(Settings settings, int index) throws Exception {
        Duration outage = settings.outage().orElseThrow();
        System.out.println("outage run " + (index + 1) + " starting, " + load());
        try (HandOffRig rig = HandOffRig.start(settings.db(), settings.delivery(), settings.concurrency())) {
            ConsumerJourneys journeys = journeys(settings, rig, index);
            OpenLoopLoad load = new OpenLoopLoad(rig.http(), rig.server(), rig.writeAuth(), rig.adminAuth(), journeys,
                    settings.rate(), settings.batch());
            Clocks clocks = anchor();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            long downAt = start + seconds(settings.warmup()) + settings.outageAt().toNanos();
            long backAt = downAt + outage.toNanos();
            long end = backAt + seconds(settings.seconds());
            AtomicLong down = new AtomicLong();
            AtomicLong back = new AtomicLong();
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            ScheduledFuture<?> goingDown = timer.schedule(() -> {
                down.set(System.nanoTime());
                rig.receiver().goDown();
            }, downAt - System.nanoTime(), TimeUnit.NANOSECONDS);
            ScheduledFuture<?> comingBack = timer.schedule(() -> {
                rig.receiver().comeBack();
                back.set(System.nanoTime());
            }, backAt - System.nanoTime(), TimeUnit.NANOSECONDS);
            load.run(start, end - start, clocks);
            timer.shutdown();
            timer.awaitTermination(1, TimeUnit.MINUTES);
            // A receiver that failed to go down or to come back would make every figure below meaningless.
            goingDown.get();
            comingBack.get();
            boolean drained = rig.awaitDelivered(Instant.now().plus(Duration.ofMinutes(15)));
            List<Message> messages = rig.messages();
            List<Arrival> arrivals = rig.receiver().arrivals();
            Findings findings = HandOffLedger.reconcile(messages, arrivals, journeys::journey, journeys.journeys(),
                    load.acks(), clocks, new Window(start + seconds(settings.warmup()), down.get()));
            long writtenWhileDown = messages.stream().map(m -> clocks.nanosOf(m.atMillis()))
                    .filter(at -> at >= down.get() && at < back.get()).count();
            long dead = messages.stream().filter(m -> m.status().equals("dead")).count();
            long drain = HandOffLedger.drained(messages, arrivals, clocks, back.get());
            System.out.printf(Locale.ROOT, "outage: the receiver refused connections for %.1f s (from %.1f s into the "
                            + "load) while %,.0f events/s went on; the load ran %.1f s more after it came back%n",
                    (back.get() - down.get()) / 1e9, (down.get() - start) / 1e9, achieved(load,
                            new Window(start, end)), (end - back.get()) / 1e9);
            System.out.printf(Locale.ROOT, "  %,d messages in the outbox (%,d written while the receiver was down, %,d "
                            + "MQLs accepted as SQLs), %,d attempts in all, at most %d for one message; %s; %,d dead-lettered%n",
                    messages.size(), writtenWhileDown, load.accepted(), rig.attempts(), rig.maxAttempts(),
                    drained ? "none pending at the end" : rig.pending() + " STILL PENDING", dead);
            System.out.printf(Locale.ROOT, "  every message received at least once: %s (%,d not received); %,d "
                            + "duplicate arrivals; %,d unverified; in order per lead: %,d of %,d leads with two messages "
                            + "out of order%n", findings.undelivered() == 0 ? "yes" : "NO", findings.undelivered(),
                    findings.duplicates(), findings.unverified(), findings.outOfOrderLeads(), findings.leadsWithSeveral());
            System.out.printf(Locale.ROOT, "  backlog drained %s s after the receiver came back (the last message "
                            + "written before its return first arrived then)%n",
                    drain == Long.MAX_VALUE ? "never" : String.format(Locale.ROOT, "%.1f", drain / 1e9));
            System.out.printf(Locale.ROOT, "  MQLs sent before the outage began: hand-off %s (%,d MQLs); checks: %s%n",
                    findings.handOff().summary(), findings.handOff().count(), checks(findings, load));
        }
    }

    private static ConsumerJourneys journeys(Settings settings, HandOffRig rig, int index) {
        int lanes = Math.max(settings.rate(), 2 * settings.batch());
        return new ConsumerJourneys(rig.workspace(), "r" + index, lanes, settings.mqls(), settings.accept(), 17 + index);
    }

    private static void report(int number, Run run) {
        Findings f = run.findings();
        System.out.printf(Locale.ROOT, "run %d: %,.0f events/s achieved (sender at most %.1f ms behind schedule; "
                + "batches refused, by status: %s)%n", number, run.achieved(), run.maxLagNanos() / 1e6, run.refused());
        System.out.printf(Locale.ROOT, "  hand-off, MQL-making event sent → signed webhook received (%,d MQLs): %s; "
                + "p99/500 ms %.2f%n", f.handOff().count(), f.handOff().summary(), run.p99Ratio());
        System.out.printf(Locale.ROOT, "  baseline, ingestion request round trip (%,d requests, %,d of them refused "
                + "or unanswered, counted as lost): %s%n", run.ingestion().count(), run.ingestion().missing(),
                run.ingestion().summary());
        System.out.printf(Locale.ROOT, "  hand-off stages: sent → acknowledged %s | acknowledged → attempt started "
                + "%s | attempt started → received %s%n", f.ingestion().summary(), f.pickup().summary(),
                f.send().summary());
        StringBuilder steps = new StringBuilder();
        f.mqlStep().forEach((step, count) -> steps.append(steps.length() == 0 ? "" : ", ").append(count).append(" by ")
                .append(step < ConsumerJourneys.QUALIFYING_STEPS.size() ? ConsumerJourneys.QUALIFYING_STEPS.get(step)
                        : "step " + step));
        System.out.printf(Locale.ROOT, "  MQLs made: %s; checks: %s%n", steps, checks(f, null));
    }

    private static String checks(Findings f, OpenLoopLoad load) {
        return String.format(Locale.ROOT, "%,d messages, %,d not received, %,d duplicates, %,d unverified, %,d "
                        + "unknown, %,d MQLs unmatched to a sent event, %,d from non-qualifying journeys, %,d qualifying "
                        + "journeys without an MQL, %,d of %,d leads with two messages out of order%s",
                f.messages(), f.undelivered(), f.duplicates(), f.unverified(), f.unknown(), f.unmatched(),
                f.unexpectedMqls(), f.missingMqls(), f.outOfOrderLeads(), f.leadsWithSeveral(),
                load == null ? "" : String.format(Locale.ROOT, ", accepts: %,d refused, %,d failed; ingestion "
                        + "batches refused, by status: %s", load.acceptRefused(), load.acceptFailed(), load.refusals()));
    }

    /** Events acknowledged with a 200 among those meant to leave in the window, per second of it. */
    private static double achieved(OpenLoopLoad load, Window window) {
        long events = 0;
        long[] acks = load.acks();
        for (int k = 0; k < acks.length; k++) {
            if (window.contains(load.intended(k)) && acks[k] > 0) {
                events += load.batchSize();
            }
        }
        return events / ((window.toNanos() - window.fromNanos()) / 1e9);
    }

    /** The round trips of the ingestion requests meant to leave in the window; refused ones count as lost. */
    private static Latencies ingestion(OpenLoopLoad load, Window window) {
        List<Long> nanos = new ArrayList<>();
        int lost = 0;
        long[] acks = load.acks();
        for (int k = 0; k < acks.length; k++) {
            long intended = load.intended(k);
            if (!window.contains(intended)) {
                continue;
            }
            if (acks[k] > 0) {
                nanos.add(acks[k] - intended);
            } else {
                lost++;
            }
        }
        return Latencies.of(nanos.stream().mapToLong(Long::longValue).toArray(), lost);
    }

    /**
     * The machine's load averages as the run starts: the cores are shared with whatever else is running,
     * so a figure is only read beside the load it was taken under.
     */
    private static String load() {
        try {
            String[] averages = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return String.format(Locale.ROOT, "load average %s, %s, %s (1, 5, 15 min) on %d cores", averages[0],
                    averages[1], averages[2], Runtime.getRuntime().availableProcessors());
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "load average %.2f (1 min) on %d cores",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static Clocks anchor() {
        return new Clocks(System.nanoTime(), System.currentTimeMillis());
    }

    private static long seconds(long seconds) {
        return TimeUnit.SECONDS.toNanos(seconds);
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String ms(double nanos) {
        return Double.isInfinite(nanos) || nanos >= Long.MAX_VALUE ? "lost" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
