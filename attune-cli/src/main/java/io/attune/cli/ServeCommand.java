package io.attune.cli;

import io.attune.server.AttuneServer;
import io.attune.store.Store;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attune serve}: ingestion, the REST API, metrics and health on one port, until interrupted. */
@Command(name = "serve", description = "Serves ingestion (/v1), the API (/api), /metrics and /health until "
        + "interrupted.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "port (default ${DEFAULT-VALUE}; "
            + "0 picks a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "interface to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535");
        }
        Clock clock = Clock.systemUTC();
        Store opened = store.open(clock);
        AttuneServer server;
        try {
            server = AttuneServer.start(opened, host, port, clock);
        } catch (RuntimeException e) {
            opened.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            opened.close();
            stopped.countDown();
        }, "attune-shutdown"));
        spec.commandLine().getOut().printf("Attune is serving on http://%s:%d (Ctrl-C stops it)%n", host,
                server.port());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
