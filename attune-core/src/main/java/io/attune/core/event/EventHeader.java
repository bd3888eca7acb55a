package io.attune.core.event;

import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every message carries: its id, who sent it, when it happened (already corrected for the
 * sender's clock skew) and when Attune received it. At least one of {@code userId} and
 * {@code anonymousId} is present; the other is {@code null}.
 */
public record EventHeader(
        MessageId messageId, String userId, String anonymousId, Instant timestamp, Instant receivedAt,
        Attributes context) {

    public static final int MAX_ID_LENGTH = 256;

    public EventHeader {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(context, "context");
        userId = blankToNull(userId);
        anonymousId = blankToNull(anonymousId);
        if (userId == null && anonymousId == null) {
            throw new IllegalArgumentException("either userId or anonymousId is required");
        }
    }

    private static String blankToNull(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("ids must be at most " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    public Optional<Identity> user() {
        return userId == null ? Optional.empty() : Optional.of(new Identity(IdentityKind.USER_ID, userId));
    }

    public Optional<Identity> anonymous() {
        return anonymousId == null
                ? Optional.empty()
                : Optional.of(new Identity(IdentityKind.ANONYMOUS_ID, anonymousId));
    }

    /** The sender's identities, the user id first when present. */
    public List<Identity> identities() {
        List<Identity> identities = new ArrayList<>(2);
        user().ifPresent(identities::add);
        anonymous().ifPresent(identities::add);
        return identities;
    }
}
