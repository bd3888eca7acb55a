package io.attune.core.audit;

import io.attune.core.identity.Digests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How entries are chained: an entry's hash is the lower-case hex SHA-256 of the UTF-8 bytes of its
 * canonical form, which ends with the previous entry's hash. The canonical form is the line
 * {@code attune-audit-v1}, then each field as its UTF-8 byte length, a colon, its text and a newline:
 * workspace id, sequence number (decimal), time (epoch milliseconds, decimal), actor
 * ({@code key:…}, {@code user:…}, {@code system:…}), action, subject ({@code kind:id}, or empty),
 * the number of detail names, then per name in ascending order the name, the number of its values
 * and each value in order, and last the previous entry's hash ({@link #GENESIS} for the first entry).
 * Length prefixes make the form unambiguous whatever the fields contain, so no two different entries
 * share it, and anyone holding an export can recompute every hash without Attune.
 */
public final class AuditChain {
    /** The "previous hash" of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);
    static final String VERSION = "attune-audit-v1";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private AuditChain() {
    }

    /** The hash of {@code record} at {@code sequence}, after the entry whose hash is {@code previousHash}. */
    public static String hash(long sequence, AuditRecord record, String previousHash) {
        return Digests.sha256Hex(canonical(sequence, record, previousHash));
    }

    /** The text whose SHA-256 is the entry's hash. */
    public static String canonical(long sequence, AuditRecord record, String previousHash) {
        Objects.requireNonNull(record, "record");
        requireHash(previousHash);
        StringBuilder form = new StringBuilder(256).append(VERSION).append('\n');
        field(form, record.workspace().value());
        field(form, Long.toString(sequence));
        field(form, Long.toString(record.at().toEpochMilli()));
        field(form, record.actor().describe());
        field(form, record.action().name());
        field(form, record.subject().map(AuditSubject::wire).orElse(""));
        Map<String, List<String>> details = record.details().values();
        field(form, Integer.toString(details.size()));
        details.forEach((name, values) -> {
            field(form, name);
            field(form, Integer.toString(values.size()));
            values.forEach(value -> field(form, value));
        });
        field(form, previousHash);
        return form.toString();
    }

    static void requireHash(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("an audit hash is 64 lower-case hex digits");
        }
    }

    private static void field(StringBuilder form, String text) {
        form.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text).append('\n');
    }
}
