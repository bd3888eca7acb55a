package io.attune.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 * {@code instance} is the request path and {@code requestId} (an extension member) ties the answer
 * to the server's log line. Details never quote request bodies: they may hold health data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        @JsonProperty("invalid-params") List<InvalidParam> invalidParams) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:attune:problem:";

    /** One query or path parameter that did not validate, and why. */
    public record InvalidParam(String name, String reason) {
        public InvalidParam {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        invalidParams = invalidParams == null ? null : List.copyOf(invalidParams);
    }

    /** A problem of one of Attune's own types, e.g. {@code not-found}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null, null);
    }

    /** A problem with no more meaning than its status code (RFC 9457 section 4.2.1). */
    public static Problem plain(int status, String title) {
        return new Problem("about:blank", title, status, null, null, null, null);
    }

    public static Problem invalidParams(List<InvalidParam> params) {
        String names = String.join(", ", params.stream().map(InvalidParam::name).toList());
        return new Problem(TYPE_PREFIX + "invalid-params", "Invalid request parameters", 400,
                "These parameters are not valid: " + names + ".", null, null, params);
    }

    public static Problem notFound(String detail) {
        return of("not-found", "Not found", 404, detail);
    }

    /** This problem as it occurred for one request. */
    public Problem at(String instance, String requestId) {
        return new Problem(type, title, status, detail, instance, requestId, invalidParams);
    }
}
