package io.attune.cli.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.outcome.OutcomeSource;
import java.util.List;

/** Where updates go: a running server over HTTP, or the store directly. */
public interface OutcomeSink extends AutoCloseable {

    /**
     * Sends one request of updates and waits until what was stored is durable.
     *
     * @return the answer, as {@code POST /api/outcomes} gives it: one result per update, by index
     */
    JsonNode send(OutcomeSource source, List<ObjectNode> updates) throws Exception;

    @Override
    default void close() {
    }
}
