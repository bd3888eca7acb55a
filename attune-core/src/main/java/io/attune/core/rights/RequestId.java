package io.attune.core.rights;

import java.util.Objects;
import java.util.regex.Pattern;

/** A rights request's id: {@code sr_} and 24 hex digits. */
public record RequestId(String value) {
    private static final Pattern SHAPE = Pattern.compile("sr_[0-9a-f]{24}");

    public RequestId {
        Objects.requireNonNull(value, "request id");
        if (!isValid(value)) {
            throw new IllegalArgumentException("a request id is sr_ and 24 hex digits");
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
