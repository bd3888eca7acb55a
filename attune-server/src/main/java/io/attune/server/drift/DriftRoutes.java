package io.attune.server.drift;

import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * {@code GET /api/drift}: a segment's weekly score distribution, conversion by decile, and alerts
 * when the latest complete week's scores or conversion moved beyond the bounds. Only counts leave:
 * no lead is named, so the read is not a read of lead data.
 */
public final class DriftRoutes implements RouteGroup {
    private final DriftCheck drift;
    private final Clock clock;

    public DriftRoutes(DriftCheck drift, Clock clock) {
        this.drift = drift;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/drift", this::get);
    }

    private void get(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        Optional<Segment> segment = Optional.ofNullable(ctx.queryParam("segment")).map(name -> Segment.fromWireName(name)
                .orElseGet(() -> {
                    invalid.add(new Problem.InvalidParam("segment",
                            "must be consumer, employer, payer, referral or community"));
                    return null;
                }));
        int weeks = (int) number(ctx, "weeks", DriftCheck.DEFAULT_WEEKS, invalid, value -> value == Math.rint(value)
                && value >= 2 && value <= DriftCheck.MAX_WEEKS, "a whole number from 2 to " + DriftCheck.MAX_WEEKS);
        double psi = number(ctx, "maxPsi", DriftBounds.DEFAULTS.psi(), invalid, value -> value > 0, "above 0");
        double calibration = number(ctx, "maxCalibrationError", DriftBounds.DEFAULTS.calibrationError(), invalid,
                value -> value > 0 && value <= 1, "above 0 and at most 1");
        if (!invalid.isEmpty()) {
            throw new ProblemException(Problem.invalidParams(invalid));
        }
        Drift result = drift.check(workspace, segment.orElseGet(() -> drift.defaultSegment(workspace)), weeks,
                new DriftBounds(psi, calibration), clock.instant());
        ctx.json(DriftBodies.of(result));
    }

    /** The parameter's value, or {@code otherwise} when absent; an unreadable or disallowed one is named in {@code invalid}. */
    private static double number(Context ctx, String name, double otherwise, List<Problem.InvalidParam> invalid,
            DoublePredicate allowed, String what) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return otherwise;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && allowed.test(value)) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // named below, like a number out of bounds
        }
        invalid.add(new Problem.InvalidParam(name, "must be " + what));
        return otherwise;
    }
}
