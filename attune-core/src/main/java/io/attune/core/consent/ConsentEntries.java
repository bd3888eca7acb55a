package io.attune.core.consent;

import io.attune.core.event.MessageId;
import io.attune.core.lifecycle.Actor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads consent entries as senders write them, collecting every problem by field. One entry is an
 * object:
 *
 * <pre>{@code
 * {"granted": true, "channel": "sms", "recipient": "Northside Behavioral Health",
 *  "text": "By checking this box I agree that Northside Behavioral Health may text me…",
 *  "version": "sms-optin-v3", "method": "web_form", "capturedAt": "2026-01-05T09:00:00Z",
 *  "expiresAt": "2027-01-05T09:00:00Z", "page": "https://…", "ip": "…", "userAgent": "…"}
 * }</pre>
 *
 * {@code granted} is required (false revokes). A grant needs {@code text} (kept verbatim) and
 * {@code method}; {@code recipient} when its purpose names one, {@code expiresAt} when its purpose
 * expires. {@code channel} must be one the purpose can be limited to. {@code capturedAt} defaults to
 * when the message happened and may not be after it was received; {@code page}, {@code ip} and
 * {@code userAgent} default to the message's context. Any other field is an error: a misspelt
 * {@code expiresAt} must not make a consent that never expires.
 */
public final class ConsentEntries {
    public static final List<String> FIELDS = List.of("granted", "channel", "recipient", "text", "version", "method",
            "capturedAt", "expiresAt", "page", "ip", "userAgent");

    /**
     * Where entries come from and what they default to.
     *
     * @param at the time of the message (or request) that carried them: the default capture time
     * @param receivedAt when Attune received them; nothing may be captured after it
     * @param evidence the capture page, IP address and user agent of the message's context
     */
    public record Origin(ConsentSource source, Instant at, Instant receivedAt, Optional<MessageId> message,
            Actor actor, Evidence evidence) {
        public Origin {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    private ConsentEntries() {
    }

    /** An object of purposes, each one entry or a list of entries, as identify sends {@code traits.consent}. */
    public static ConsentReading byPurpose(Object value, String path, Origin origin) {
        List<ConsentRecord> records = new ArrayList<>();
        List<ConsentProblem> problems = new ArrayList<>();
        if (!(value instanceof Map<?, ?> purposes)) {
            problems.add(new ConsentProblem(path, "must be an object of purposes (" + String.join(", ",
                    Purpose.wireNames()) + "), each one consent or a list of them"));
            return new ConsentReading(records, problems);
        }
        for (Map.Entry<?, ?> byPurpose : purposes.entrySet()) {
            String name = String.valueOf(byPurpose.getKey());
            String at = join(path, name);
            Optional<Purpose> purpose = Purpose.fromWireName(name);
            if (purpose.isEmpty()) {
                problems.add(new ConsentProblem(at, "is not a consent purpose; the purposes are "
                        + Purpose.wireNames()));
                continue;
            }
            if (byPurpose.getValue() instanceof List<?> entries) {
                if (entries.isEmpty()) {
                    problems.add(new ConsentProblem(at, "must hold at least one consent"));
                }
                for (int i = 0; i < entries.size(); i++) {
                    read(purpose.get(), entries.get(i), at + "[" + i + "]", origin, records, problems);
                }
            } else {
                read(purpose.get(), byPurpose.getValue(), at, origin, records, problems);
            }
        }
        return new ConsentReading(records, problems);
    }

    /** One entry that names its {@code purpose} among its fields, as {@code Consent Updated} and the API send it. */
    public static ConsentReading named(Map<String, ?> entry, String path, Origin origin) {
        List<ConsentRecord> records = new ArrayList<>();
        List<ConsentProblem> problems = new ArrayList<>();
        Object name = entry.get("purpose");
        Optional<Purpose> purpose = name instanceof String text ? Purpose.fromWireName(text) : Optional.empty();
        if (name == null) {
            problems.add(new ConsentProblem(join(path, "purpose"), "is required: one of " + Purpose.wireNames()));
        } else if (purpose.isEmpty()) {
            problems.add(new ConsentProblem(join(path, "purpose"), "must be one of " + Purpose.wireNames()));
        }
        Map<String, Object> fields = new java.util.LinkedHashMap<>(entry);
        fields.remove("purpose");
        if (purpose.isPresent()) {
            read(purpose.get(), fields, path, origin, records, problems);
        } else {
            new Entry(fields, path, problems).unknownFields();
        }
        return new ConsentReading(records, problems);
    }

    private static void read(Purpose purpose, Object value, String path, Origin origin, List<ConsentRecord> records,
            List<ConsentProblem> problems) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(new ConsentProblem(path, "must be an object with granted, text, method and the other "
                    + "consent fields"));
            return;
        }
        int before = problems.size();
        Entry entry = new Entry(map, path, problems);
        Optional<ConsentRecord> record = entry.read(purpose, origin);
        if (problems.size() == before) {
            record.ifPresent(records::add);
        }
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The fields of one entry, read one by one with every problem kept. */
    private static final class Entry {
        private final Map<?, ?> fields;
        private final String path;
        private final List<ConsentProblem> problems;
        private int found;

        Entry(Map<?, ?> fields, String path, List<ConsentProblem> problems) {
            this.fields = fields;
            this.path = path;
            this.problems = problems;
        }

        Optional<ConsentRecord> read(Purpose purpose, Origin origin) {
            Optional<Boolean> granted = granted();
            Optional<Channel> channel = choice("channel", Channel::fromWireName, Channel.wireNames());
            channel.filter(c -> !purpose.allows(c)).ifPresent(c -> problem("channel", purpose.wireName()
                    + " can only be limited to " + purpose.channels().stream().sorted().map(Channel::wireName)
                    .toList()));
            Optional<Recipient> recipient = text("recipient", Recipient.MAX_LENGTH, false).map(Recipient::new);
            Optional<String> text = text("text", Disclosure.MAX_TEXT, true);
            Optional<String> version = text("version", Disclosure.MAX_VERSION, false);
            Optional<CaptureMethod> method = choice("method", CaptureMethod::fromWireName, CaptureMethod.wireNames());
            Optional<Instant> capturedAt = instant("capturedAt");
            Optional<Instant> expiresAt = instant("expiresAt");
            Evidence evidence = new Evidence(text("page", Evidence.MAX_PAGE, false),
                    text("ip", Evidence.MAX_IP, false), text("userAgent", Evidence.MAX_USER_AGENT, false));
            unknownFields();
            Instant captured = capturedAt.orElse(origin.at().isAfter(origin.receivedAt())
                    ? origin.receivedAt() : origin.at());
            if (capturedAt.filter(at -> at.isAfter(origin.receivedAt())).isPresent()) {
                problem("capturedAt", "must not be after the consent was received");
            }
            boolean grant = granted.orElse(false);
            if (granted.isPresent() && grant) {
                requireForGrant(purpose, recipient, text, method, captured, expiresAt);
            } else if (granted.isPresent() && expiresAt.isPresent()) {
                problem("expiresAt", "is only for grants; a revocation does not expire");
            }
            if (granted.isEmpty() || found > 0) {
                return Optional.empty();
            }
            return Optional.of(new ConsentRecord(purpose, channel, recipient, grant,
                    text.map(words -> new Disclosure(words, version)), origin.source(), method, captured, expiresAt,
                    origin.message(), origin.actor(), origin.receivedAt(), evidence.orElse(origin.evidence())));
        }

        private void requireForGrant(Purpose purpose, Optional<Recipient> recipient, Optional<String> text,
                Optional<CaptureMethod> method, Instant captured, Optional<Instant> expiresAt) {
            if (text.isEmpty() && !fields.containsKey("text")) {
                problem("text", "is required to grant: the disclosure the person agreed to, verbatim");
            }
            if (method.isEmpty() && !fields.containsKey("method")) {
                problem("method", "is required to grant: one of " + CaptureMethod.wireNames());
            }
            if (purpose.namesRecipient() && recipient.isEmpty() && !fields.containsKey("recipient")) {
                problem("recipient", "is required to grant " + purpose.wireName()
                        + ": the organisation the consent authorises");
            }
            if (purpose.expires() && expiresAt.isEmpty() && !fields.containsKey("expiresAt")) {
                problem("expiresAt", "is required to grant " + purpose.wireName());
            }
            if (expiresAt.filter(end -> !end.isAfter(captured)).isPresent()) {
                problem("expiresAt", "must be after the consent was captured");
            }
            if (purpose == Purpose.SELL_CHD && expiresAt.filter(end -> end.isAfter(
                    ConsentRecord.latestSaleExpiry(captured))).isPresent()) {
                problem("expiresAt", "must be within a year of capture for a sale authorisation");
            }
        }


        private Optional<Boolean> granted() {
            Object value = fields.get("granted");
            if (value == null) {
                problem("granted", "is required: true to grant, false to revoke");
                return Optional.empty();
            }
            if (!(value instanceof Boolean flag)) {
                problem("granted", "must be true or false");
                return Optional.empty();
            }
            return Optional.of(flag);
        }

        /** Text; {@code verbatim} keeps it exactly as sent, otherwise it is stripped. Blank is an error. */
        private Optional<String> text(String name, int maxLength, boolean verbatim) {
            Object value = fields.get(name);
            if (value == null) {
                return Optional.empty();
            }
            if (!(value instanceof String text) || text.isBlank()) {
                problem(name, "must be non-empty text");
                return Optional.empty();
            }
            if (text.length() > maxLength) {
                problem(name, "must be at most " + maxLength + " characters");
                return Optional.empty();
            }
            return Optional.of(verbatim ? text : text.strip());
        }

        private <T> Optional<T> choice(String name, Function<String, Optional<T>> parse, List<String> allowed) {
            Object value = fields.get(name);
            if (value == null) {
                return Optional.empty();
            }
            Optional<T> chosen = value instanceof String text ? parse.apply(text) : Optional.empty();
            if (chosen.isEmpty()) {
                problem(name, "must be one of " + allowed);
            }
            return chosen;
        }

        private Optional<Instant> instant(String name) {
            Object value = fields.get(name);
            if (value == null) {
                return Optional.empty();
            }
            if (value instanceof String text) {
                try {
                    return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            problem(name, "must be an ISO-8601 date-time with an offset, e.g. 2026-01-05T09:00:00Z");
            return Optional.empty();
        }

        void unknownFields() {
            for (Object key : fields.keySet()) {
                if (!FIELDS.contains(String.valueOf(key))) {
                    problem(String.valueOf(key), "is not a consent field; the fields are " + FIELDS);
                }
            }
        }

        private void problem(String field, String message) {
            found++;
            problems.add(new ConsentProblem(join(path, field), message));
        }
    }
}
