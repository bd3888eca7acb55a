package io.attune.core.consent;

import java.util.Locale;
import java.util.Optional;

/**
 * How a consent change reached Attune: entered through the API, in identify traits, in a
 * {@code Consent Updated} track event, or recognised in an inbound text message or email reply.
 */
public enum ConsentSource {
    API, IDENTIFY, TRACK, INBOUND_SMS, INBOUND_EMAIL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsentSource> fromWireName(String name) {
        for (ConsentSource source : values()) {
            if (source.wireName().equals(name)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
