package io.attune.server.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.lifecycle.Actor;
import io.attune.core.privacy.PrivacyClassification;
import io.attune.core.privacy.PrivacyClassifications;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.Role;
import io.attune.server.http.ApiJson;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.attune.store.privacy.ClassificationJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;

/**
 * {@code GET /api/privacy/classification} and {@code PUT /api/privacy/classification}: what the
 * workspace adds to the default data dictionary, health terms and page rules. A PUT, for admin keys
 * only, replaces the whole classification (a key left out is empty) and applies from the next send;
 * a change that protects less than the defaults is refused unless acknowledged, and then recorded as
 * a policy override.
 */
public final class ClassificationRoutes implements RouteGroup {
    private static final String PATH = "/api/privacy/classification";

    private final PrivacyClassifications classifications;
    private final Clock clock;

    public ClassificationRoutes(PrivacyClassifications classifications, Clock clock) {
        this.classifications = classifications;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::get);
        routes.put(PATH, this::put);
    }

    private void get(Context ctx) {
        ctx.json(ClassificationJson.toJson(classifications.classification(Caller.workspace(ctx))));
    }

    private void put(Context ctx) {
        Principal caller = Caller.of(ctx);
        if (caller.role() != Role.ADMIN) {
            throw new ProblemException(Problem.of("forbidden", "Forbidden", 403, "Changing the classification is "
                    + "for admin keys; this API key has the role " + caller.role().wireName() + "."));
        }
        PrivacyClassification classification;
        try {
            classification = ClassificationJson.fromJson(json(ctx));
        } catch (ClassificationJson.InvalidClassificationException e) {
            throw new ProblemException(Problem.invalidParams(e.problems().stream()
                    .map(problem -> new Problem.InvalidParam(problem.field(), problem.reason())).toList()));
        }
        classifications.save(caller.workspace(), classification, new Actor.ApiKey(caller.keyId()), clock.instant());
        ctx.json(ClassificationJson.toJson(classification));
    }

    private static JsonNode json(Context ctx) {
        try {
            return ApiJson.mapper().readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.invalidParams(List.of(new Problem.InvalidParam("body",
                    "is not valid JSON"))));
        }
    }
}
