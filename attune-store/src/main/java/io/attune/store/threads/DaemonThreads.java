package io.attune.store.threads;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Makes Attune's background threads: named, so that a thread dump or the benchmarks' CPU census
 * says whose they are, and daemons, so that none of them keeps a stopping JVM alive (each owner
 * drains its work in its own {@code close()} first, with {@link #drain}).
 */
public record DaemonThreads(String name) implements ThreadFactory {

    @Override
    public Thread newThread(Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Stops {@code executor} taking work and waits up to {@code grace} for what it has taken; an
     * interrupt while waiting ends the wait and stays set for the caller.
     */
    public static void drain(ExecutorService executor, Duration grace) {
        executor.shutdown();
        try {
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
