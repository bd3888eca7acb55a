package io.attune.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time by kind of thread, read from {@code /proc/self/task}, so that the JVM's own threads (the
 * garbage collector's, the JIT compilers') show beside the application's, which JFR's samples and the
 * management beans leave out. Threads are grouped by name with digits removed ({@code qtp123-45}
 * and {@code qtp123-46} are one kind). Threads that ended between two readings show as one kind,
 * their time worked out from the process's.
 *
 * <p>Each reading also takes, from {@code schedstat}, how long each kind of thread was ready to run
 * but waited for a core: on two shared cores that says whether a thread was short of work or of CPU.
 */
public final class ThreadCensus {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path PROCESS = Path.of("/proc/self/stat");
    /** The kind that stands for the time of threads that ended since the earlier reading. */
    private static final String ENDED = "(ended threads)";
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> ticksByKind;
    private final Map<String, Long> waitNanosByKind;
    private final long processTicks;

    private ThreadCensus(Map<String, Long> ticksByKind, Map<String, Long> waitNanosByKind, long processTicks) {
        this.ticksByKind = ticksByKind;
        this.waitNanosByKind = waitNanosByKind;
        this.processTicks = processTicks;
    }

    /** A reading now; empty where there is no {@code /proc}. */
    public static ThreadCensus take() {
        Map<String, Long> ticks = new HashMap<>();
        Map<String, Long> waits = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return new ThreadCensus(ticks, waits, 0);
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                try {
                    Stat stat = Stat.of(Files.readString(task.resolve("stat")));
                    long waited = waitNanos(Files.readString(task.resolve("schedstat")));
                    ticks.merge(stat.kind(), stat.ticks(), Long::sum);
                    waits.merge(stat.kind(), waited, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            }
            // the process's own figure still counts the threads that have ended
            return new ThreadCensus(ticks, waits, Stat.of(Files.readString(PROCESS)).ticks());
        } catch (IOException e) {
            return new ThreadCensus(Map.of(), Map.of(), 0);
        }
    }

    /** From a {@code schedstat} line (time on a core, time waiting for one, slices; in ns): the waiting. */
    static long waitNanos(String schedstat) {
        return Long.parseLong(schedstat.strip().split(" ")[1]);
    }

    /** A thread's or the process's kind and CPU ticks, from a {@code stat} file. */
    private record Stat(String kind, long ticks) {
        static Stat of(String stat) {
            // the name sits in parentheses and may hold spaces; the fields after it are space-separated
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String kind = stat.substring(open + 1, close).replaceAll("[0-9]+", "#").strip();
            String[] fields = stat.substring(close + 2).split(" ");
            // utime and stime are fields 14 and 15 of stat; fields[0] here is field 3
            return new Stat(kind, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        }
    }

    /** Seconds of CPU per kind of thread since {@code earlier}, most first, kinds under 1% of the total left out. */
    public List<Map.Entry<String, Double>> since(ThreadCensus earlier) {
        Map<String, Double> seconds = new HashMap<>();
        long live = 0;
        for (Map.Entry<String, Long> kind : ticksByKind.entrySet()) {
            long used = kind.getValue() - earlier.ticksByKind.getOrDefault(kind.getKey(), 0L);
            live += used;
            if (used > 0) {
                seconds.put(kind.getKey(), used / TICKS_PER_SECOND);
            }
        }
        long ended = processTicks - earlier.processTicks - live;
        if (ended > 0) {
            seconds.put(ENDED, ended / TICKS_PER_SECOND);
        }
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        return seconds.entrySet().stream().filter(entry -> entry.getValue() >= total / 100)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
    }

    /**
     * One line: how long {@code kind} waited for a core since {@code earlier}, as a share of
     * {@code wallNanos}, the time between the two readings; empty if no such thread lived through both.
     */
    public Optional<String> describeWaitSince(ThreadCensus earlier, String kind, long wallNanos) {
        Long now = waitNanosByKind.get(kind);
        Long before = earlier.waitNanosByKind.get(kind);
        if (now == null || before == null || wallNanos <= 0) {
            return Optional.empty();
        }
        return Optional.of(String.format("%s waited for a core %.0f%% of the time", kind,
                100.0 * (now - before) / wallNanos));
    }

    /** One line: each kind's share of the CPU, per {@code unit} (an event, a lead) in microseconds. */
    public String describeSince(ThreadCensus earlier, long units, String unit) {
        return since(earlier).stream()
                .map(entry -> String.format("%s %.1f µs", entry.getKey(), entry.getValue() * 1e6 / units))
                .collect(Collectors.joining(", ", "CPU per " + unit + " by thread: ", ""));
    }
}
