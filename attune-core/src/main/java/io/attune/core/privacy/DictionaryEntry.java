package io.attune.core.privacy;

import java.util.Objects;

/**
 * A workspace's class for one property name. {@code acknowledgeWeakening} confirms an entry that makes
 * the property less protected than the defaults would (see {@link PrivacyClassification#weakenings}).
 */
public record DictionaryEntry(String property, DataClass dataClass, boolean acknowledgeWeakening) {
    public DictionaryEntry {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(dataClass, "dataClass");
        property = property.strip();
    }
}
