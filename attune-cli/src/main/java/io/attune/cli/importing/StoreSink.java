package io.attune.cli.importing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.ingest.AcceptedMessage;
import io.attune.server.ingest.MessageError;
import io.attune.server.ingest.ParseResult;
import io.attune.server.ingest.SegmentParser;
import io.attune.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Writes messages straight into a store, through the same parser and writer as HTTP ingestion. */
public final class StoreSink implements MessageSink {
    private final Store store;
    private final WorkspaceId workspace;
    private final SegmentParser parser = new SegmentParser();
    private final Clock clock;

    public StoreSink(Store store, WorkspaceId workspace, Clock clock) {
        this.store = store;
        this.workspace = workspace;
        this.clock = clock;
    }

    @Override
    public Map<Integer, String> send(List<ObjectNode> messages) throws Exception {
        String body = "{\"batch\":" + messages + "}";
        ParseResult result = parser.parseBatch(body.getBytes(StandardCharsets.UTF_8), clock.instant());
        Map<Integer, String> refused = new LinkedHashMap<>();
        if (result instanceof ParseResult.Rejected rejected) {
            for (int i = 0; i < messages.size(); i++) {
                refused.put(i, rejected.error().message());
            }
            return refused;
        }
        ParseResult.Parsed parsed = (ParseResult.Parsed) result;
        for (MessageError error : parsed.errors()) {
            refused.merge(error.index(), MessageSink.reason(error.field(), error.message()),
                    (a, b) -> a + "; " + b);
        }
        List<IncomingEvent> incoming = new ArrayList<>();
        for (AcceptedMessage message : parsed.accepted()) {
            incoming.add(new IncomingEvent(message.event(), message.extras()));
        }
        if (!incoming.isEmpty()) {
            write(incoming);
        }
        return refused;
    }

    private void write(List<IncomingEvent> incoming) throws Exception {
        while (true) {
            EventIntake.Admission admission = store.writer().submit(workspace, incoming);
            if (admission instanceof EventIntake.Admitted admitted) {
                admitted.recorded().toCompletableFuture().get(5, TimeUnit.MINUTES);
                return;
            }
            long wait = ((EventIntake.Overloaded) admission).retryAfter().toMillis();
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS))
                    .join();
        }
    }
}
