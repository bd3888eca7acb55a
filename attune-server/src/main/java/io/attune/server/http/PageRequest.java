package io.attune.server.http;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cursor pagination parameters. The cursor is whatever the store issued as the previous page's
 * {@code next}; the API passes it back unchanged and only checks that it is plain text of a sane
 * length, so the store may change its format without breaking clients that treat it as opaque.
 */
public record PageRequest(Optional<String> cursor, int limit) {
    public static final String CURSOR = "cursor";
    public static final String LIMIT = "limit";
    public static final List<String> PARAMETERS = List.of(CURSOR, LIMIT);
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final int MAX_CURSOR_LENGTH = 512;
    private static final Pattern CURSOR_SHAPE = Pattern.compile("[A-Za-z0-9._~:=+/-]+");

    public static PageRequest from(QueryParams params) {
        int limit = params.integer(LIMIT, 1, MAX_LIMIT, DEFAULT_LIMIT);
        Optional<String> cursor = params.text(CURSOR, MAX_CURSOR_LENGTH);
        if (cursor.isPresent() && !CURSOR_SHAPE.matcher(cursor.get()).matches()) {
            params.invalid(CURSOR, "must be the next value of a previous page");
            cursor = Optional.empty();
        }
        return new PageRequest(cursor, limit);
    }

    /** The problem for a cursor the store could not read (it throws IllegalArgumentException for one). */
    public static ProblemException unreadableCursor() {
        return new ProblemException(Problem.invalidParams(
                List.of(new Problem.InvalidParam(CURSOR, "must be the next value of a previous page"))));
    }
}
