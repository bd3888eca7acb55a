package io.attune.core.egress;

import io.attune.core.privacy.DataClass;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** What the filter did to one field, and the rules that made it. */
public record Redaction(String field, DataClass dataClass, Treatment treatment, Set<EgressRule> rules) {

    /** What became of the field. */
    public enum Treatment {
        /** Left out. */
        REMOVED,
        /** Replaced by its content group (TRK-04). */
        GENERALISED,
        /** Replaced by a rotating pseudonym (TRK-05). */
        PSEUDONYMISED
    }

    public Redaction {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(dataClass, "dataClass");
        Objects.requireNonNull(treatment, "treatment");
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("every redaction names the rules that made it");
        }
        rules = Collections.unmodifiableSet(EnumSet.copyOf(rules));
    }
}
