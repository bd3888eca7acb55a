package io.attune.server.health;

import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}, the one endpoint open without credentials, for load balancers and
 * orchestrators: 200 while the store answers, 503 with a problem when it does not.
 */
public final class HealthRoutes implements RouteGroup {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    /** The body of a healthy answer. */
    public record Status(String status) {
    }

    private final BooleanSupplier storeHealthy;

    public HealthRoutes(BooleanSupplier storeHealthy) {
        this.storeHealthy = storeHealthy;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            if (!healthy()) {
                throw new ProblemException(Problem.of("unavailable", "Service unavailable", 503,
                        "The store is not answering."));
            }
            ctx.header("Cache-Control", "no-store").json(new Status("ok"));
        });
    }

    private boolean healthy() {
        try {
            return storeHealthy.getAsBoolean();
        } catch (RuntimeException e) {
            // A check that throws is a failed check; the class is enough to tell a timeout from a refusal.
            LOG.warn("health check failed with {}", e.getClass().getName());
            return false;
        }
    }
}
