package io.attune.server.http;

import io.attune.core.workspace.Principal;
import io.attune.core.workspace.WorkspaceId;
import io.javalin.http.Context;

/** The authenticated principal of a request, as {@link ApiKeyAuth} left it. */
public final class Caller {
    private static final String ATTRIBUTE = "attune.principal";

    private Caller() {
    }

    static void set(Context ctx, Principal principal) {
        ctx.attribute(ATTRIBUTE, principal);
    }

    public static Principal of(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            // Every route that reads the caller sits behind ApiKeyAuth; reaching here is a wiring bug.
            throw new IllegalStateException("no authenticated principal on this request");
        }
        return principal;
    }

    /** The workspace the caller may see; every read is scoped to it. */
    public static WorkspaceId workspace(Context ctx) {
        return of(ctx).workspace();
    }
}
