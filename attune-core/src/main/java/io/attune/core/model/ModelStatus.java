package io.attune.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a model version stands: {@code draft → proposed → approved → active → retired}. One version
 * per segment is active; activating another retires it, and activating a retired version that was
 * approved once is a rollback.
 */
public enum ModelStatus {
    DRAFT, PROPOSED, APPROVED, ACTIVE, RETIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ModelStatus> fromWireName(String name) {
        for (ModelStatus status : values()) {
            if (status.wireName().equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
