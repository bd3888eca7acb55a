package io.attune.store.threads;

import java.util.concurrent.ThreadFactory;

/**
 * Makes Attune's background threads: named, so that a thread dump or the benchmarks' CPU census
 * says whose they are, and daemons, so that none of them keeps a stopping JVM alive (each owner
 * drains its work in its own {@code close()} first).
 */
public record DaemonThreads(String name) implements ThreadFactory {

    @Override
    public Thread newThread(Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
