package io.attune.core.copy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a substantiation file the team keeps (the study, the legal attestation) for a claim.
 * Copy cites it as a footnote right after the claim, {@code [^rct-2024]} or {@code [rct-2024]}; a
 * claim that may be substantiated and cites a registered id is reported as {@link Severity#INFO}.
 */
public record SubstantiationId(String value) {
    /** What a footnote id may be: a letter or digit, then letters, digits, {@code . _ : -}; at most 64. */
    static final String FORM_REGEX = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    private static final Pattern FORM = Pattern.compile(FORM_REGEX);

    public SubstantiationId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("a substantiation id is 1-64 letters, digits, '.', '_', ':' or '-', "
                    + "starting with a letter or digit; got \"" + value + "\"");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
