package io.attune.cli.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.lifecycle.Actor;
import io.attune.core.outcome.LeadFinder;
import io.attune.core.outcome.OutcomeSource;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.http.ApiJson;
import io.attune.server.outcomes.OutcomeIntake;
import io.attune.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Writes updates straight into a store, read and recorded exactly as the endpoint does; the moves are
 * made by the import ({@code system:outcomes-import}) rather than by an API key.
 */
public final class StoreOutcomeSink implements OutcomeSink {
    static final Actor IMPORT = new Actor.System("outcomes-import");

    private final OutcomeIntake intake;
    private final WorkspaceId workspace;
    private final Clock clock;
    private final ObjectMapper json = ApiJson.mapper();

    public StoreOutcomeSink(Store store, WorkspaceId workspace, Clock clock) {
        this.intake = new OutcomeIntake(LeadFinder.over(store.queries()), store.outcomes(), store.writer());
        this.workspace = workspace;
        this.clock = clock;
    }

    @Override
    public JsonNode send(OutcomeSource source, List<ObjectNode> updates) {
        ObjectNode body = json.createObjectNode().put("source", source.value());
        body.putArray("updates").addAll(updates);
        return json.valueToTree(intake.receive(workspace, body.toString().getBytes(StandardCharsets.UTF_8), IMPORT,
                clock.instant()));
    }
}
