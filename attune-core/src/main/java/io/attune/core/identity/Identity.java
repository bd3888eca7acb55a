package io.attune.core.identity;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** One identifier of a person. Emails are kept trimmed and lower-cased so that one address is one identity. */
public record Identity(IdentityKind kind, String value) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public Identity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (kind == IdentityKind.EMAIL) {
            value = value.trim().toLowerCase(Locale.ROOT);
            if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
                throw new IllegalArgumentException("not an email address");
            }
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(kind.wireName() + " must not be blank");
        }
    }

    public static Optional<Identity> email(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        String trimmed = candidate.trim().toLowerCase(Locale.ROOT);
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Identity(IdentityKind.EMAIL, trimmed));
    }

    /** The part after '@' of an email identity. */
    public Optional<String> emailDomain() {
        return kind == IdentityKind.EMAIL ? Optional.of(value.substring(value.indexOf('@') + 1)) : Optional.empty();
    }

    /** Identities may be personal data: only the kind reaches logs. */
    @Override
    public String toString() {
        return "Identity[" + kind.wireName() + "]";
    }
}
