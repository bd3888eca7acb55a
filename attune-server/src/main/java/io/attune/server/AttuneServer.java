package io.attune.server;

import io.attune.core.lead.LeadScoring;
import io.attune.server.http.HttpApp;
import io.attune.server.ingest.IngestionRoutes;
import io.attune.server.ingest.SegmentIngestion;
import io.attune.server.ingest.SegmentParser;
import io.attune.server.sales.SalesFeedbackRoutes;
import io.attune.store.Store;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * The one place the server is wired by hand: the store's adapters behind the REST API, and the
 * Segment-compatible ingestion and the sales feedback in front of the store's writer, on one port.
 */
public final class AttuneServer implements AutoCloseable {
    private final HttpApp http;

    private AttuneServer(HttpApp http) {
        this.http = http;
    }

    /** Starts serving {@code store} on {@code host:port} (port 0 picks a free one). The caller keeps the store. */
    public static AttuneServer start(Store store, String host, int port, Clock clock) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder("attune_writer_queued_events", store.writer(), writer -> writer.queuedEvents())
                .description("events accepted by ingestion and waiting to be written").register(metrics);
        SegmentIngestion ingestion = new SegmentIngestion(new SegmentParser(), store.workspaces(), store.writer());
        HttpApp http = new HttpApp(store.queries(), store.workspaces(), store.models(), new LeadScoring(),
                store.database()::healthy, metrics, clock,
                List.of(new IngestionRoutes(ingestion, clock), new SalesFeedbackRoutes(store.writer(), clock)));
        http.start(host, port);
        return new AttuneServer(http);
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
    }
}
