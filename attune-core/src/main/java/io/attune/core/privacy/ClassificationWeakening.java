package io.attune.core.privacy;

import java.util.Objects;

/**
 * A part of a workspace's classification that protects less than the defaults: the field it is set
 * in, what it names (a property or a page rule), the class the defaults give and the one configured.
 * Names and classes only — they describe the workspace's configuration, never a person.
 */
public record ClassificationWeakening(String field, String subject, String defaultClass, String configuredClass) {
    public ClassificationWeakening {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(defaultClass, "defaultClass");
        Objects.requireNonNull(configuredClass, "configuredClass");
    }
}
