package io.attune.core.copy;

import java.util.Objects;
import java.util.regex.Pattern;

/** The id of a rule in the compliance catalogue (RULES.md), e.g. {@code CLAIM-01} or {@code LANG-01}. */
public record CatalogueId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9]{1,9}-[0-9]{2}");

    public CatalogueId {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a catalogue rule id looks like CLAIM-01; got \"" + value + "\"");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
