package io.attune.server.subject;

import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The answer for an id whose lead was erased at a data-subject request: a 404 like any missing lead,
 * saying when (from its tombstone), so that a retried erasure or a stale link is not mistaken for an
 * error. It never says more than the date.
 */
public final class ErasedProblem {
    private ErasedProblem() {
    }

    public static ProblemException of(Instant erasedAt) {
        return new ProblemException(Problem.of("erased", "Erased", 404, "This lead was erased on "
                + erasedAt.atOffset(ZoneOffset.UTC).toLocalDate() + " at a data-subject request."));
    }
}
