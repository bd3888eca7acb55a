package io.attune.core.audit;

import io.attune.core.account.AccountId;
import io.attune.core.handoff.DestinationId;
import io.attune.core.identity.LeadId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an audit entry is about, by kind and id: {@code lead:ld_…}, {@code message:msg_…}. Ids only,
 * never a value that describes a person (an email, a name).
 */
public record AuditSubject(String kind, String id) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z_]{0,31}");
    /** Printable ASCII without spaces: ids, not prose. */
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7e]{1,200}");

    public AuditSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("an audit subject's kind is 1-32 lower-case letters or '_'");
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an audit subject's id is 1-200 printable characters without spaces");
        }
    }

    public static AuditSubject lead(LeadId lead) {
        return new AuditSubject("lead", lead.value());
    }

    public static AuditSubject account(AccountId account) {
        return new AuditSubject("account", account.value());
    }

    public static AuditSubject destination(DestinationId destination) {
        return new AuditSubject("destination", destination.value());
    }

    /** An outbox message, by its id (the webhook id). */
    public static AuditSubject message(String messageId) {
        return new AuditSubject("message", messageId);
    }

    /** {@code kind:id}, as stored and as the API filters by it. */
    public String wire() {
        return kind + ":" + id;
    }

    /** Reads back what {@link #wire()} wrote; anything else is empty. */
    public static Optional<AuditSubject> parse(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        int colon = wire.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        String kind = wire.substring(0, colon);
        String id = wire.substring(colon + 1);
        if (!KIND.matcher(kind).matches() || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.of(new AuditSubject(kind, id));
    }

    @Override
    public String toString() {
        return wire();
    }
}
