package io.attune.core.copy;

import java.util.Objects;
import java.util.regex.Pattern;

/** The name of one check of the copy linter, e.g. {@code cure} or {@code beds-left}. */
public record CheckId(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public CheckId {
        Objects.requireNonNull(value, "value");
        if (value.length() > 64 || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a check id is 1-64 lower-case letters, digits and single hyphens, "
                    + "starting with a letter; got \"" + value + "\"");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
