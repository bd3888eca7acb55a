package io.attune.server.http;

import java.util.Map;
import java.util.Objects;

/**
 * Ends a request with a problem response. Handlers throw it for the outcomes the API defines (not
 * found, invalid parameters, no credentials); {@link ErrorResponses} writes it.
 */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    /** Response headers the problem needs, such as {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return headers;
    }
}
