package io.attune.server.webhook;

import java.time.Instant;
import java.util.Objects;

/** What {@link WebhookVerifier} concluded about one request: a rejection is an answer, not an exception. */
public sealed interface Verification {

    boolean verified();

    /** The signature matched and the timestamp is within tolerance; {@code id} is the idempotency key. */
    record Verified(WebhookId id, Instant timestamp) implements Verification {
        public Verified {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(timestamp, "timestamp");
        }

        @Override
        public boolean verified() {
            return true;
        }
    }

    record Rejected(Reason reason) implements Verification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean verified() {
            return false;
        }
    }

    /** Why a request was refused; the messages name headers, never their values. */
    enum Reason {
        MISSING_HEADER("a webhook-id, webhook-timestamp or webhook-signature header is missing or empty"),
        MALFORMED_ID("webhook-id is not 1-128 letters, digits, '_' or '-'"),
        MALFORMED_TIMESTAMP("webhook-timestamp is not a whole number of unix seconds"),
        TIMESTAMP_OUTSIDE_TOLERANCE(
                "webhook-timestamp is too far from the receiver's clock (a replay, or a skewed clock)"),
        NO_MATCHING_SIGNATURE("no v1 signature in webhook-signature matches the body under a trusted secret");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
