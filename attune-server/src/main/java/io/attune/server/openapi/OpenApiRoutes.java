package io.attune.server.openapi;

import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the API description, a checked-in document (the annotation plugin does
 * not support Javalin 7). A test compares it with the registered routes so the two cannot drift.
 */
public final class OpenApiRoutes implements RouteGroup {
    public static final String RESOURCE = "/openapi.json";

    private final byte[] document;

    public OpenApiRoutes() {
        this.document = load();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    }

    /** The document as shipped in this jar. */
    public static byte[] load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
