package io.attune.server.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a whole request was refused before any message in it was considered. Every kind maps to HTTP 400
 * (Segment answers 400 for oversized and malformed bodies); {@link Kind#BODY_TOO_LARGE} may instead be
 * answered with 413. Messages never quote the body, which may hold health data.
 *
 * @param field the body field at fault ({@code batch}, {@code sentAt}, ...), empty when it is the body itself
 */
public record RequestError(Kind kind, Optional<String> field, String message) {

    public enum Kind {
        /** The body, or its inflated form, is over the size limit. */
        BODY_TOO_LARGE,
        /** The body is not UTF-8, or a {@code Content-Encoding: gzip} body does not inflate. */
        MALFORMED_ENCODING,
        /** The body is not one well-formed JSON value. */
        MALFORMED_JSON,
        /** The body is JSON but not an object. */
        NOT_AN_OBJECT,
        /** A batch envelope field ({@code batch}, {@code context}, {@code sentAt}, {@code writeKey}) is wrong. */
        INVALID_FIELD,
        /** The batch holds more messages than allowed. */
        TOO_MANY_MESSAGES,
        /** The JSON exceeds a parser bound: nesting far too deep, a number or key far too long. */
        LIMIT_EXCEEDED
    }

    public RequestError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    static RequestError ofBody(Kind kind, String message) {
        return new RequestError(kind, Optional.empty(), message);
    }

    static RequestError ofField(Kind kind, String field, String message) {
        return new RequestError(kind, Optional.of(field), message);
    }
}
