package io.attune.server.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.attune.core.crisis.CrisisResources;
import io.attune.core.event.EventKind;
import io.attune.server.crisis.CrisisBodies;
import io.attune.server.http.HttpApp;
import io.attune.server.http.Problem;
import io.attune.server.http.RequestIds;
import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Segment Tracking API endpoints: {@code POST /v1/identify|track|page|screen|group|alias} and
 * {@code /v1/batch} (and {@code /v1/import}, its alias, which analytics-java uses). Answers
 * {@code {"success": true}} once everything is durable, and RFC 9457 problems otherwise; a
 * problem about individual messages lists them under {@code errors} with their batch index.
 */
public final class IngestionRoutes implements RouteGroup {
    private static final String SUCCESS = "{\"success\":true}";

    private final SegmentIngestion ingestion;
    private final Clock clock;

    public IngestionRoutes(SegmentIngestion ingestion, Clock clock) {
        this.ingestion = ingestion;
        this.clock = clock;
    }

    /** A problem about an ingestion request, with the messages it concerns. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IngestProblem(String type, String title, int status, String detail, String instance,
            String requestId, Integer accepted, List<MessageError> errors, CrisisBodies.IngestCrisis crisis) {
    }

    /** Success with the crisis resources (CRISIS-02); SDKs read {@code success} and ignore the rest. */
    public record SuccessWithCrisis(boolean success, CrisisBodies.IngestCrisis crisis) {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        for (EventKind kind : EventKind.values()) {
            routes.post("/v1/" + kind.wireName(), ctx -> handle(ctx, Optional.of(kind)));
        }
        routes.post("/v1/batch", ctx -> handle(ctx, Optional.empty()));
        routes.post("/v1/import", ctx -> handle(ctx, Optional.empty()));
    }

    private void handle(Context ctx, Optional<EventKind> kind) throws IOException {
        SegmentIngestion.Request request = new SegmentIngestion.Request(kind, ctx.header("Authorization"),
                ctx.header("Content-Encoding"), body(ctx), clock.instant());
        ctx.future(() -> ingestion.handle(request).toCompletableFuture().thenAccept(outcome -> write(ctx, outcome)));
    }

    /**
     * The body, read into one array of its declared length. Javalin's reader grows a buffer by doubling
     * and copies it at the end, several times a 500 KB batch in garbage per request. A body without a
     * length, or over the server's limit, is read (or refused) by Javalin as before.
     */
    private static byte[] body(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared < 0 || declared > HttpApp.MAX_REQUEST_BYTES) {
            return ctx.bodyAsBytes();
        }
        byte[] body = new byte[(int) declared];
        int read = ctx.req().getInputStream().readNBytes(body, 0, body.length);
        // a body cut short is left for the parser to refuse
        return read == body.length ? body : Arrays.copyOf(body, read);
    }

    private static void write(Context ctx, IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Accepted accepted) {
            if (accepted.crisis().isEmpty()) {
                ctx.status(200).contentType("application/json").result(SUCCESS);
            } else {
                ctx.status(200).json(new SuccessWithCrisis(true, crisis(accepted.crisis())));
            }
        } else if (outcome instanceof IngestOutcome.PartlyAccepted partly) {
            problem(ctx, "invalid-messages", "Some messages are invalid", 400, partly.accepted()
                    + " messages were recorded; the ones listed in errors were not and should be fixed, not resent "
                    + "as they are", partly.accepted(), partly.errors(), partly.crisis());
        } else if (outcome instanceof IngestOutcome.Refused refused) {
            if (refused.status() == 401) {
                ctx.header("WWW-Authenticate", "Basic realm=\"attune ingestion\"");
            }
            problem(ctx, refused.errors().isEmpty() ? "invalid-request" : "invalid-messages", refused.title(),
                    refused.status(), refused.detail(), refused.errors().isEmpty() ? null : 0,
                    refused.errors().isEmpty() ? null : refused.errors(), List.of());
        } else if (outcome instanceof IngestOutcome.Busy busy) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, busy.retryAfter().toSeconds())));
            problem(ctx, "busy", "Too many requests", 429, "Attune is writing as fast as it can; nothing of this "
                    + "request was recorded. Send it again after Retry-After seconds.", null, null, List.of());
        } else {
            ctx.header("Retry-After", "5");
            problem(ctx, "unavailable", "Storage unavailable", 503, "The events could not be stored, so none of "
                    + "them was recorded. Send the request again; message ids make that safe.", null, null, List.of());
        }
    }

    private static void problem(Context ctx, String slug, String title, int status, String detail, Integer accepted,
            List<MessageError> errors, List<Integer> crisis) {
        Problem base = Problem.of(slug, title, status, detail);
        ctx.status(status).json(new IngestProblem(base.type(), title, status, detail, ctx.path(),
                RequestIds.of(ctx), accepted, errors, crisis.isEmpty() ? null : crisis(crisis)))
                .contentType(Problem.CONTENT_TYPE);
    }

    private static CrisisBodies.IngestCrisis crisis(List<Integer> messages) {
        return new CrisisBodies.IngestCrisis(messages, CrisisBodies.Resources.of(CrisisResources.US));
    }
}
