package io.attune.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an RFC 9457 problem: the API's own outcomes, Javalin's (no route, wrong
 * method, body too large), and bugs. A bug answers 500 with nothing of the server's insides; the log
 * line has the request id, the route template and where the exception came from, but no message,
 * since messages can carry request data.
 */
final class ErrorResponses implements RouteGroup {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private final RouteTable routes;

    ErrorResponses(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public void addTo(RoutesConfig config) {
        config.exception(ProblemException.class, (e, ctx) -> write(ctx, e.problem(), e.headers()));
        config.exception(HttpResponseException.class, (e, ctx) -> framework(ctx, e.getStatus()));
        config.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
    }

    private void framework(Context ctx, int status) {
        switch (status) {
            case 404 -> write(ctx, Problem.notFound("There is nothing at this path."), Map.of());
            case 405 -> {
                String allow = String.join(", ", routes.methodsFor(ctx.path()));
                write(ctx, Problem.of("method-not-allowed", "Method not allowed", 405,
                        ctx.method().name() + " is not allowed here; allowed: " + allow + "."), Map.of("Allow", allow));
            }
            default -> write(ctx, Problem.plain(status, HttpStatus.forStatus(status).getMessage()), Map.of());
        }
    }

    private void unexpected(Context ctx, Exception e) {
        String requestId = RequestIds.of(ctx);
        LOG.error("request {} {} {} failed: {}", requestId, ctx.method().name(),
                routes.templateOf(ctx.path()).orElse("unmatched"), Failures.describe(e));
        write(ctx, Problem.of("internal", "Internal server error", 500,
                "The server could not answer this request. Quote the request id when reporting it."), Map.of());
    }

    static void write(Context ctx, Problem problem, Map<String, String> headers) {
        headers.forEach(ctx::header);
        ctx.status(problem.status())
                .json(problem.at(ctx.path(), RequestIds.of(ctx)))
                .contentType(Problem.CONTENT_TYPE);
    }
}
