package io.attune.core.rights;

import java.util.Locale;
import java.util.Optional;

/** Where a request stands at a given time: still within its deadline, past it, or fulfilled. */
public enum RequestStatus {
    OPEN,
    OVERDUE,
    CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RequestStatus> fromWireName(String name) {
        for (RequestStatus status : values()) {
            if (status.wireName().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
