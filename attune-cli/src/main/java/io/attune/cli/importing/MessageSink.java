package io.attune.cli.importing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Where imported messages go: a running server over HTTP, or the store directly. */
public interface MessageSink extends AutoCloseable {

    /**
     * Sends one batch and waits until the accepted messages are durable.
     *
     * @return the reason for each message (by index in {@code messages}) that was refused
     */
    Map<Integer, String> send(List<ObjectNode> messages) throws Exception;

    @Override
    default void close() {
    }

    /**
     * A refused message's reason as the person fixing the CSV reads it: the field within the message
     * ({@code userId must be at most 256 characters}), not the message's place in a batch that the import
     * made up ({@code batch[212].userId}).
     */
    static String reason(String field, String message) {
        String withinMessage = field.replaceFirst("^batch\\[\\d+]\\.?", "");
        return withinMessage.isEmpty() ? message : withinMessage + " " + message;
    }
}
