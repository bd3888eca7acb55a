package io.attune.server.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.handoff.ConfiguredDestination;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.DestinationId;
import io.attune.core.handoff.Destinations;
import io.attune.core.privacy.PrivacyClassifications;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.delivery.DestinationBodies.DestinationBody;
import io.attune.server.http.ApiJson;
import io.attune.server.http.Caller;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.http.RouteGroup;
import io.attune.server.webhook.PresetFiles;
import io.attune.server.webhook.WebhookSecret;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where hand-offs go: {@code GET /api/destinations}, {@code GET /api/destinations/{id}},
 * {@code PUT /api/destinations/{id}} (creates or replaces; a new destination's signing secret is shown
 * in that answer only), {@code POST /api/destinations/{id}/rotate-secret} (a new secret, the previous
 * one still valid beside it until the next rotation) and {@code DELETE /api/destinations/{id}}.
 */
public final class DestinationRoutes implements RouteGroup {
    private final Destinations destinations;
    private final PrivacyClassifications classifications;
    private final PresetFiles presets;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public DestinationRoutes(Destinations destinations, PrivacyClassifications classifications, PresetFiles presets,
            Clock clock) {
        this.destinations = destinations;
        this.classifications = classifications;
        this.presets = presets;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/destinations", this::list);
        routes.get("/api/destinations/{id}", this::get);
        routes.put("/api/destinations/{id}", this::put);
        routes.post("/api/destinations/{id}/rotate-secret", this::rotate);
        routes.delete("/api/destinations/{id}", this::delete);
    }

    private void list(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        List<DestinationBody> items = new ArrayList<>();
        for (Destination destination : destinations.destinations(workspace)) {
            items.add(DestinationBody.of(destination, fingerprints(workspace, destination.id()), null));
        }
        ctx.json(Map.of("items", items));
    }

    private void get(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        ConfiguredDestination configured = found(workspace, ctx.pathParam("id"));
        ctx.json(DestinationBody.of(configured.destination(), fingerprintsOf(configured.secrets()), null));
    }

    private void put(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        Destination destination = DestinationBodies.read(ctx.pathParam("id"), json(ctx), presets,
                classifications.classification(workspace).terms());
        Optional<ConfiguredDestination> existing = destinations.configured(workspace, destination.id());
        List<String> secrets = existing.map(ConfiguredDestination::secrets).orElseGet(List::of);
        String created = null;
        if (secrets.isEmpty()) {
            created = WebhookSecret.generate(random).value();
            secrets = List.of(created);
        }
        destinations.save(workspace, destination, secrets, clock.instant());
        ctx.status(existing.isPresent() ? 200 : 201).json(DestinationBody.of(destination, fingerprintsOf(secrets),
                created));
    }

    private void rotate(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        ConfiguredDestination configured = found(workspace, ctx.pathParam("id"));
        String created = WebhookSecret.generate(random).value();
        List<String> secrets = configured.secrets().isEmpty() ? List.of(created)
                : List.of(created, configured.secrets().get(0));
        destinations.save(workspace, configured.destination(), secrets, clock.instant());
        ctx.json(DestinationBody.of(configured.destination(), fingerprintsOf(secrets), created));
    }

    private void delete(Context ctx) {
        WorkspaceId workspace = Caller.workspace(ctx);
        if (!destinations.delete(workspace, id(ctx.pathParam("id")))) {
            throw notFound();
        }
        ctx.status(204);
    }

    private ConfiguredDestination found(WorkspaceId workspace, String rawId) {
        return destinations.configured(workspace, id(rawId)).orElseThrow(DestinationRoutes::notFound);
    }

    private List<String> fingerprints(WorkspaceId workspace, DestinationId id) {
        return destinations.configured(workspace, id).map(c -> fingerprintsOf(c.secrets())).orElseGet(List::of);
    }

    private List<String> fingerprintsOf(List<String> secrets) {
        return secrets.stream().map(secret -> WebhookSecret.parse(secret).fingerprint()).toList();
    }

    private static DestinationId id(String raw) {
        try {
            return new DestinationId(raw);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static JsonNode json(Context ctx) {
        try {
            return ApiJson.mapper().readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw DestinationBodies.invalid(List.of(new Problem.InvalidParam("body", "is not valid JSON")));
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.notFound("No destination with this id in your workspace."));
    }
}
