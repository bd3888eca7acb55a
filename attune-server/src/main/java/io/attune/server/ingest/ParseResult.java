package io.attune.server.ingest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the Segment parser made of one request body: its messages, or why the whole body was refused. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Rejected {

    /**
     * The body was well-formed. Every message index appears either in {@code accepted} or in
     * {@code errors}, never both; both lists are in index order.
     *
     * @param writeKey the {@code writeKey} body field, when the sender put one there
     */
    record Parsed(List<AcceptedMessage> accepted, List<MessageError> errors, Optional<WriteKey> writeKey)
            implements ParseResult {
        public Parsed {
            accepted = List.copyOf(accepted);
            errors = List.copyOf(errors);
            Objects.requireNonNull(writeKey, "writeKey");
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    /** The body as a whole could not be read; no message in it was considered. */
    record Rejected(RequestError error) implements ParseResult {
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }
}
