package io.attune.core.copy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a finding means for publishing: {@code BLOCK} stops it, {@code WARN} asks a person, {@code INFO} records. */
public enum Severity {
    BLOCK, WARN, INFO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> ofWireName(String name) {
        return Arrays.stream(values()).filter(severity -> severity.wireName().equals(name)).findFirst();
    }
}
