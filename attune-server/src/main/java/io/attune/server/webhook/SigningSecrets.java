package io.attune.server.webhook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The secrets a destination's messages are signed with: the current one and, after a rotation, the
 * previous one. Both signatures go out, so a receiver that still trusts only the previous secret
 * keeps verifying until it has switched; a rotation never drops a message. The spec notes that
 * signing with an old, even compromised, secret as well does not weaken the scheme: a receiver
 * still needs a signature under a secret it trusts.
 */
public record SigningSecrets(WebhookSecret current, Optional<WebhookSecret> previous) {
    public SigningSecrets {
        Objects.requireNonNull(current, "current secret");
        Objects.requireNonNull(previous, "previous secret");
        if (previous.filter(current::equals).isPresent()) {
            throw new IllegalArgumentException(
                    "the previous webhook secret is the current one; a rotation needs a new secret");
        }
    }

    public static SigningSecrets of(WebhookSecret current) {
        return new SigningSecrets(current, Optional.empty());
    }

    /** The secrets as a destination stores them, newest first: one, or two during a rotation. */
    public static SigningSecrets newestFirst(List<String> secrets) {
        if (secrets.isEmpty() || secrets.size() > 2) {
            throw new IllegalArgumentException("a destination signs with one secret, or two during a rotation; it has "
                    + secrets.size());
        }
        WebhookSecret current = WebhookSecret.parse(secrets.get(0));
        return secrets.size() == 1 ? of(current)
                : new SigningSecrets(current, Optional.of(WebhookSecret.parse(secrets.get(1))));
    }

    /**
     * Rotates: {@code next} signs from now on and the current secret keeps signing beside it; the
     * secret before that (if any) stops, as a receiver has had a whole rotation to drop it.
     */
    public SigningSecrets rotateTo(WebhookSecret next) {
        return new SigningSecrets(next, Optional.of(current));
    }

    /** Stops signing with the previous secret, once every receiver verifies with the current one. */
    public SigningSecrets retirePrevious() {
        return of(current);
    }

    /** The secrets that sign, current first. */
    public List<WebhookSecret> active() {
        return previous.map(old -> List.of(current, old)).orElseGet(() -> List.of(current));
    }
}
