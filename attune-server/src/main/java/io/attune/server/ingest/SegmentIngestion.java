package io.attune.server.ingest;

import io.attune.core.crisis.Screening;
import io.attune.core.event.EventKind;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.Workspaces;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The Segment Tracking API's request handling, free of any HTTP framework: inflate, parse,
 * authenticate by write key (Basic user name, or {@code writeKey} in the body), hand the good
 * messages to the writer, and answer only once they are durable.
 */
public final class SegmentIngestion {
    private final SegmentParser parser;
    private final Workspaces workspaces;
    private final EventIntake intake;

    public SegmentIngestion(SegmentParser parser, Workspaces workspaces, EventIntake intake) {
        this.parser = parser;
        this.workspaces = workspaces;
        this.intake = intake;
    }

    /** One request as the HTTP layer saw it; {@code kind} is empty for {@code /v1/batch} and {@code /v1/import}. */
    public record Request(Optional<EventKind> kind, String authorization, String contentEncoding, byte[] body,
            Instant receivedAt) {
    }

    public SegmentLimits limits() {
        return parser.limits();
    }

    public CompletionStage<IngestOutcome> handle(Request request) {
        BasicAuth.Result header = BasicAuth.writeKey(request.authorization());
        if (header instanceof BasicAuth.Malformed malformed) {
            return done(new IngestOutcome.Refused(401, "Unauthorized", malformed.reason(), List.of()));
        }
        int cap = request.kind().isPresent() ? parser.limits().maxMessageBytes() : parser.limits().maxBatchBytes();
        byte[] body = request.body();
        if (isGzip(request.contentEncoding())) {
            GzipBody.Result inflated = GzipBody.inflate(body, cap);
            if (inflated instanceof GzipBody.Refused refused) {
                return done(refused(refused.error()));
            }
            body = ((GzipBody.Inflated) inflated).body();
        } else if (request.contentEncoding() != null && !request.contentEncoding().isBlank()
                && !"identity".equalsIgnoreCase(request.contentEncoding().trim())) {
            return done(new IngestOutcome.Refused(400, "Unsupported content encoding",
                    "Content-Encoding must be gzip or absent", List.of()));
        }
        ParseResult result = request.kind().isPresent()
                ? parser.parseSingle(request.kind().get(), body, request.receivedAt())
                : parser.parseBatch(body, request.receivedAt());
        if (result instanceof ParseResult.Rejected rejected) {
            return done(refused(rejected.error()));
        }
        ParseResult.Parsed parsed = (ParseResult.Parsed) result;
        Optional<WriteKey> writeKey = header instanceof BasicAuth.Found found
                ? Optional.of(found.writeKey()) : parsed.writeKey();
        Optional<WorkspaceId> workspace = writeKey.flatMap(key -> workspaces.byWriteKey(key.value()));
        if (workspace.isEmpty()) {
            return done(new IngestOutcome.Refused(401, "Unauthorized", writeKey.isEmpty()
                    ? "send the workspace's write key as the Basic user name (empty password) or as writeKey"
                    : "the write key is not known", List.of()));
        }
        if (parsed.accepted().isEmpty()) {
            return done(new IngestOutcome.Refused(400, "Invalid messages", "no message in the request is valid",
                    parsed.errors()));
        }
        List<IncomingEvent> incoming = new ArrayList<>(parsed.accepted().size());
        for (AcceptedMessage message : parsed.accepted()) {
            incoming.add(new IncomingEvent(message.event(), message.extras()));
        }
        EventIntake.Admission admission = intake.submit(workspace.get(), incoming);
        if (admission instanceof EventIntake.Overloaded overloaded) {
            return done(new IngestOutcome.Busy(overloaded.retryAfter()));
        }
        int accepted = incoming.size();
        return ((EventIntake.Admitted) admission).recorded().handle((recorded, failure) -> {
            if (failure != null) {
                return new IngestOutcome.Failed();
            }
            List<Integer> crisis = crisisMessages(parsed.accepted(), incoming);
            return parsed.hasErrors()
                    ? new IngestOutcome.PartlyAccepted(accepted, parsed.errors(), crisis)
                    : new IngestOutcome.Accepted(accepted, crisis);
        });
    }

    /** The indexes of the messages whose free text was crisis language (CRISIS-02), retries included. */
    private static List<Integer> crisisMessages(List<AcceptedMessage> messages, List<IncomingEvent> incoming) {
        List<Integer> crisis = new ArrayList<>(0);
        for (int i = 0; i < messages.size(); i++) {
            if (incoming.get(i).screening() instanceof Screening.Crisis) {
                crisis.add(messages.get(i).index());
            }
        }
        return crisis;
    }

    private static boolean isGzip(String contentEncoding) {
        return contentEncoding != null && contentEncoding.trim().toLowerCase(Locale.ROOT).equals("gzip");
    }

    /** Every refusal of the request as a whole is a 400, oversized bodies included, as Segment's API does. */
    private static IngestOutcome refused(RequestError error) {
        boolean tooLarge = error.kind() == RequestError.Kind.BODY_TOO_LARGE;
        return new IngestOutcome.Refused(400, tooLarge ? "Payload too large" : "Invalid request",
                error.field().map(field -> field + ": ").orElse("") + error.message(), List.of());
    }

    private static CompletionStage<IngestOutcome> done(IngestOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
