package io.attune.server.metrics;

import io.attune.server.http.RouteTable;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.RequestLogger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;

/**
 * Times every request as {@code http.server.requests}, tagged by method, route template and status.
 * Tags come from the route table, never from the raw path, and unknown methods share one tag, so a
 * scan of random URLs cannot create unbounded series.
 */
public final class HttpMetrics implements RequestLogger {
    static final String TIMER = "http.server.requests";
    private static final Set<HandlerType> KNOWN = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS);

    private final MeterRegistry registry;
    private final RouteTable routes;

    public HttpMetrics(MeterRegistry registry, RouteTable routes) {
        this.registry = registry;
        this.routes = routes;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        String method = KNOWN.contains(ctx.method()) ? ctx.method().name() : "OTHER";
        Timer.builder(TIMER)
                .description("HTTP requests by route template")
                .tag("method", method)
                .tag("route", routes.templateOf(ctx.path()).orElse("unmatched"))
                .tag("status", String.valueOf(ctx.statusCode()))
                .register(registry)
                .record(Duration.ofNanos((long) (executionTimeMs * 1_000_000L)));
    }
}
