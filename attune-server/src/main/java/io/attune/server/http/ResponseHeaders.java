package io.attune.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Headers every response carries. API responses hold PHI (consumer leads, traits, identities), so
 * no cache, shared or private, may keep them.
 */
final class ResponseHeaders implements Handler {
    @Override
    public void handle(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        if (Paths.isApi(ctx.path())) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
