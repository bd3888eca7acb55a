package io.attune.server.http;

import io.attune.core.workspace.Principal;
import io.attune.core.workspace.Workspaces;
import io.attune.server.crisis.CrisisRoutes;
import io.attune.server.lint.LintRoutes;
import io.attune.server.models.ModelVersionRoutes;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Set;

/**
 * Authenticates every request but the open ones ({@code /health}, ingestion) with
 * {@code Authorization: Bearer <api key>} and authorises it by role: a {@code read} key may only use
 * safe methods. It runs before routing, so an unauthenticated caller learns nothing about which
 * paths exist, and a read key is refused a write whether or not the write exists.
 */
final class ApiKeyAuth implements Handler {
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    /** Keys are short random secrets; anything longer is not one and is not worth hashing. */
    private static final int MAX_KEY_LENGTH = 256;
    private static final String REALM = "Bearer realm=\"attune\"";

    private final Workspaces workspaces;

    ApiKeyAuth(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public void handle(Context ctx) {
        if (Paths.isOpen(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized(REALM, "This endpoint needs an API key: send Authorization: Bearer <api key>.");
        }
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String key = space < 0 ? "" : header.substring(space + 1).trim();
        if (!scheme.equalsIgnoreCase("Bearer") || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw unauthorized(REALM + ", error=\"invalid_request\"",
                    "The Authorization header must be Bearer followed by an API key.");
        }
        Principal principal = workspaces.byApiKey(key).orElseThrow(() -> unauthorized(
                REALM + ", error=\"invalid_token\"", "The API key is not valid."));
        boolean clinicianClears = principal.role().mayClearCrisisHolds() && CrisisRoutes.isClear(ctx.path());
        // Linting copy is a POST only because the copy is a body; it changes nothing.
        boolean lints = LintRoutes.isLint(ctx.path());
        boolean modelWrites = principal.role().mayManageModels() && ModelVersionRoutes.isModelWrite(ctx.path());
        if (!SAFE.contains(ctx.method()) && !principal.role().mayWrite() && !clinicianClears && !lints
                && !modelWrites) {
            throw new ProblemException(Problem.of("forbidden", "Forbidden", 403,
                    "This API key has the role " + principal.role().wireName() + ", which may only read; "
                            + "changes need an admin key."));
        }
        Caller.set(ctx, principal);
    }

    private static ProblemException unauthorized(String challenge, String detail) {
        return new ProblemException(Problem.of("unauthorized", "Unauthorized", 401, detail),
                Map.of("WWW-Authenticate", challenge));
    }
}
