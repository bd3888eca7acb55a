package io.attune.server.http;

import io.attune.core.audit.AuditLog;
import io.attune.core.lead.LeadScoring;
import io.attune.core.model.ModelRegistry;
import io.attune.core.privacy.PrivacyClassifications;
import io.attune.core.query.LeadQueries;
import io.attune.core.workspace.Workspaces;
import io.attune.server.accounts.AccountRoutes;
import io.attune.server.audit.AuditRoutes;
import io.attune.server.audit.PhiReads;
import io.attune.server.health.HealthRoutes;
import io.attune.server.leads.LeadRoutes;
import io.attune.server.metrics.HttpMetrics;
import io.attune.server.metrics.MetricsRoutes;
import io.attune.server.models.ModelRoutes;
import io.attune.server.openapi.OpenApiRoutes;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The Attune HTTP server: the REST API under {@code /api}, {@code /health}, {@code /metrics} and
 * {@code /openapi.json}, plus any further route groups (ingestion) given at construction. Built by
 * hand from its collaborators, no container. The routes are fixed when it is constructed (Javalin
 * 7 takes them up front); {@link #start} binds it, port 0 picks a free port and {@link #port} tells it.
 */
public final class HttpApp {
    /** The largest body the server reads; ingestion refuses smaller ones by its own limits. */
    public static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    private final RouteTable routes = new RouteTable();
    private final Javalin javalin;

    /**
     * @param audit where every read of lead data is recorded before it is answered, and what
     *     {@code /api/audit} lists and verifies
     * @param storeHealthy the store check behind {@code /health}; false or an exception answers 503
     * @param metrics the registry {@code /metrics} exposes; request timers are recorded into it
     * @param clock "now" for every score read, where decay is applied
     */
    public HttpApp(LeadQueries leads, Workspaces workspaces, PrivacyClassifications classifications,
            ModelRegistry models, LeadScoring scoring, AuditLog audit, BooleanSupplier storeHealthy,
            PrometheusMeterRegistry metrics, Clock clock) {
        this(leads, workspaces, classifications, models, scoring, audit, storeHealthy, metrics, clock, List.of());
    }

    /** @param more further route groups served by the same server, such as Segment ingestion under /v1 */
    public HttpApp(LeadQueries leads, Workspaces workspaces, PrivacyClassifications classifications,
            ModelRegistry models, LeadScoring scoring, AuditLog audit, BooleanSupplier storeHealthy,
            PrometheusMeterRegistry metrics, Clock clock, List<RouteGroup> more) {
        Objects.requireNonNull(leads, "leads");
        Objects.requireNonNull(workspaces, "workspaces");
        Objects.requireNonNull(classifications, "classifications");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(storeHealthy, "storeHealthy");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
        List<RouteGroup> groups = new ArrayList<>();
        groups.add(new ErrorResponses(routes));
        groups.add(new HealthRoutes(storeHealthy));
        PhiReads reads = new PhiReads(audit, clock);
        groups.add(new LeadRoutes(leads, workspaces, classifications, models, scoring, reads, clock));
        groups.add(new AccountRoutes(leads, models, reads, clock));
        groups.add(new ModelRoutes(models));
        groups.add(new MetricsRoutes(metrics));
        groups.add(new OpenApiRoutes());
        groups.add(new AuditRoutes(audit));
        groups.addAll(more);
        HttpMetrics timers = new HttpMetrics(metrics, routes);
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            // Ingestion answers 400 for bodies over its own limits (500 KB a batch), as Segment does; the
            // server reads up to this much so that such bodies reach it instead of a bare 413.
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jsonMapper(new JavalinJackson(ApiJson.mapper(), false));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(ApiJson.mapper())));
            // Registered before any route so that the table sees every one of them.
            config.events.handlerAdded(routes::add);
            config.requestLogger.http(timers);
            config.routes.before(new RequestIds());
            config.routes.before(new ResponseHeaders());
            config.routes.before(new ApiKeyAuth(workspaces));
            groups.forEach(group -> group.addTo(config.routes));
        });
    }

    /** Listens on every interface. */
    public HttpApp start(int port) {
        javalin.start(port);
        return this;
    }

    public HttpApp start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    public void stop() {
        javalin.stop();
    }

    /** The port listened on, the chosen one when started with port 0. */
    public int port() {
        return javalin.port();
    }

    /** Every HTTP route registered, as method and path template. */
    public List<RouteTable.Route> routes() {
        return routes.routes();
    }
}
