package io.attune.core.jurisdiction;

import java.util.Locale;
import java.util.Optional;

/**
 * What a workspace assumes about a consumer whose state nothing tells: the catalogue's default
 * is the strictest regime (STATE-01), so that a Washington resident without a postal address is
 * not scored without consent. A workspace that collects no data outside states without such a
 * law may choose {@link #NOT_COVERED}, and answers for that choice.
 */
public enum UnknownJurisdiction {
    STRICTEST,
    NOT_COVERED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UnknownJurisdiction> fromWireName(String name) {
        for (UnknownJurisdiction value : values()) {
            if (value.wireName().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
