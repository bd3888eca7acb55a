package io.attune.core.consent;

import io.attune.core.lifecycle.Actor;
import java.time.Instant;
import java.util.Optional;

/** Builds ledger entries for tests: {@code Consent.grant(TCPA_PEWC).to("Northside").on(SMS).at(T0)}. */
final class Consent {
    static final String NORTHSIDE = "Northside Behavioral Health";
    static final String PEWC_TEXT = "By checking this box I agree that Northside Behavioral Health may send me marketing "
            + "texts and calls using automated technology at the number above. Consent is not a condition of purchase.";

    private final Purpose purpose;
    private final boolean granted;
    private Optional<Channel> channel = Optional.empty();
    private Optional<Recipient> recipient = Optional.empty();
    private Instant at = Instant.parse("2026-01-05T09:00:00Z");
    private Optional<Instant> expiresAt = Optional.empty();

    private Consent(Purpose purpose, boolean granted) {
        this.purpose = purpose;
        this.granted = granted;
    }

    static Consent grant(Purpose purpose) {
        return new Consent(purpose, true);
    }

    static Consent revoke(Purpose purpose) {
        return new Consent(purpose, false);
    }

    Consent on(Channel channel) {
        this.channel = Optional.of(channel);
        return this;
    }

    Consent to(String recipient) {
        this.recipient = Optional.of(new Recipient(recipient));
        return this;
    }

    Consent at(Instant at) {
        this.at = at;
        return this;
    }

    Consent until(Instant expiresAt) {
        this.expiresAt = Optional.of(expiresAt);
        return this;
    }

    ConsentRecord record() {
        return new ConsentRecord(purpose, channel, recipient, granted,
                granted ? Optional.of(new Disclosure(PEWC_TEXT, Optional.of("v3"))) : Optional.empty(),
                ConsentSource.API, granted ? Optional.of(CaptureMethod.WEB_FORM) : Optional.empty(), at, expiresAt,
                Optional.empty(), new Actor.User("admin"), at, Evidence.NONE);
    }
}
