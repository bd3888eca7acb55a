package io.attune.server.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What an ingestion request came to, before it is written as HTTP. */
public sealed interface IngestOutcome {

    /**
     * Every message is durably recorded (or was already): 200 {@code {"success": true}}, with the
     * crisis resources when {@code crisis} (the indexes of messages that were crisis language) is not
     * empty.
     */
    record Accepted(int messages, List<Integer> crisis) implements IngestOutcome {
        public Accepted(int messages) {
            this(messages, List.of());
        }

        public Accepted {
            crisis = List.copyOf(crisis);
        }
    }

    /**
     * Some messages were bad: the good ones are durably recorded, the bad ones listed (400). A
     * sender must not resend the good ones, though doing so is harmless: message ids dedupe.
     */
    record PartlyAccepted(int accepted, List<MessageError> errors, List<Integer> crisis) implements IngestOutcome {
        public PartlyAccepted(int accepted, List<MessageError> errors) {
            this(accepted, errors, List.of());
        }

        public PartlyAccepted {
            errors = List.copyOf(errors);
            crisis = List.copyOf(crisis);
        }
    }

    /** Nothing was recorded, for the reason given; {@code status} is 400 or 401. */
    record Refused(int status, String title, String detail, List<MessageError> errors) implements IngestOutcome {
        public Refused {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(detail, "detail");
            errors = List.copyOf(errors);
        }
    }

    /** Nothing was recorded because the writer is saturated: 429 with {@code Retry-After}. */
    record Busy(Duration retryAfter) implements IngestOutcome {
    }

    /** Nothing is known to be recorded because storage failed: 503; the sender should retry. */
    record Failed() implements IngestOutcome {
    }
}
