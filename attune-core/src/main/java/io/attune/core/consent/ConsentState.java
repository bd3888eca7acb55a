package io.attune.core.consent;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one consent stands at a time: for a purpose, on a channel (none when the purpose has no
 * channels of its own), for a recipient (none for consents that name nobody, and for revocations
 * that cover everyone), and the ledger entry that decided it.
 */
public record ConsentState(Purpose purpose, Optional<Channel> channel, Optional<Recipient> recipient, Status status,
        ConsentRecord decidedBy) {

    public enum Status {
        GRANTED, REVOKED, EXPIRED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ConsentState {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }
}
