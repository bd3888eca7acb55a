package io.attune.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * CPU time spent while the store works (ingesting, re-scoring): the whole process's (a benchmark's
 * HTTP clients included) and the single writer thread's, which bounds throughput. CPU time moves far less than wall time when the shared machine
 * is busy, so two builds can be compared by it under load.
 */
public final class CpuClock {
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String WRITER = "attune-writer";

    private final long processStart;
    private final long writerStart;

    private CpuClock(long processStart, long writerStart) {
        this.processStart = processStart;
        this.writerStart = writerStart;
    }

    public static CpuClock start() {
        return new CpuClock(PROCESS.getProcessCpuTime(), writerCpuNanos());
    }

    /** The CPU spent since {@link #start()}, per one of {@code units}. */
    public CpuCost per(long units) {
        return new CpuCost((PROCESS.getProcessCpuTime() - processStart) / 1e3 / units,
                (writerCpuNanos() - writerStart) / 1e3 / units);
    }

    /** The writer's CPU time; the process has one writer while a store is open. */
    private static long writerCpuNanos() {
        ThreadInfo[] infos = THREADS.getThreadInfo(THREADS.getAllThreadIds());
        return Arrays.stream(infos).filter(info -> info != null && info.getThreadName().equals(WRITER))
                .mapToLong(info -> THREADS.getThreadCpuTime(info.getThreadId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + WRITER + " thread is running"));
    }
}
