package io.attune.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, echoed in {@code X-Request-Id} and in problem bodies, so that a caller
 * can quote it and an operator can find the log line. A caller's own id is kept only when it is
 * short and plain, so it cannot inject text into logs.
 */
public final class RequestIds implements Handler {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "attune.requestId";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public void handle(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The request's id; requests that failed before it was assigned get a fresh one. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
