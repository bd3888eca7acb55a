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
 * A grant of {@code part2_written_consent} also carries the elements of 42 CFR §2.31 (SUD-02), every
 * one required, and is signed ({@code method} {@code e_signature} or {@code written}):
 *
 * <pre>{@code
 * "part2": {"patientName": "Jordan Avery", "discloser": "Harbor Recovery Program",
 *           "information": "Diagnosis, medications and attendance at outpatient SUD treatment",
 *           "purpose": "Coordinating admission to residential treatment",
 *           "revocable": true, "redisclosureStatement": true}
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
            "capturedAt", "expiresAt", "page", "ip", "userAgent", "part2");

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
        private final List<String> allowed;
        private int found;

        Entry(Map<?, ?> fields, String path, List<ConsentProblem> problems) {
            this(fields, path, problems, FIELDS);
        }

        Entry(Map<?, ?> fields, String path, List<ConsentProblem> problems, List<String> allowed) {
            this.fields = fields;
            this.path = path;
            this.problems = problems;
            this.allowed = allowed;
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
            Optional<Part2Elements> part2 = part2(purpose, granted.orElse(false), method);
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
                    origin.message(), origin.actor(), origin.receivedAt(), evidence.orElse(origin.evidence()),
                    part2));
        }

        /**
         * The §2.31 elements of a Part 2 grant, each missing one named as {@code part2.<field>}; a
         * signature is asked for too. Elements on anything else are an error.
         */
        private Optional<Part2Elements> part2(Purpose purpose, boolean grant, Optional<CaptureMethod> method) {
            Object value = fields.get("part2");
            if (purpose != Purpose.PART2_WRITTEN_CONSENT || !grant) {
                if (value != null) {
                    problem("part2", "is only for a grant of " + Purpose.PART2_WRITTEN_CONSENT.wireName());
                }
                return Optional.empty();
            }
            method.filter(how -> !Part2Elements.SIGNED.contains(how)).ifPresent(how -> problem("method",
                    "must be e_signature or written to grant " + purpose.wireName() + ": 42 CFR §2.31 asks for the"
                            + " patient's signature"));
            if (value != null && !(value instanceof Map<?, ?>)) {
                problem("part2", "must be an object of " + Part2Elements.FIELDS);
                return Optional.empty();
            }
            Entry elements = new Entry(value == null ? Map.of() : (Map<?, ?>) value, join(path, "part2"), problems,
                    Part2Elements.FIELDS);
            Optional<String> patient = elements.requiredText("patientName", Part2Elements.MAX_NAME,
                    "the patient's name");
            Optional<String> discloser = elements.requiredText("discloser", Part2Elements.MAX_NAME,
                    "the program or person who may disclose");
            Optional<String> information = elements.requiredText("information", Part2Elements.MAX_TEXT,
                    "what may be disclosed, in a specific and meaningful fashion");
            information.filter(Part2Elements::isGeneralRelease).ifPresent(general -> elements.problem("information",
                    "must describe the information specifically: a general release is not sufficient (§2.31)"));
            Optional<String> use = elements.requiredText("purpose", Part2Elements.MAX_TEXT, "the purpose of the"
                    + " disclosure");
            Optional<Boolean> revocable = elements.flag("revocable", "true: the form states the right to revoke");
            revocable.filter(stated -> !stated).ifPresent(stated -> elements.problem("revocable",
                    "must be true: a Part 2 consent states the right to revoke it (§2.31)"));
            Optional<Boolean> redisclosure = elements.flag("redisclosureStatement", "true when the form carries the"
                    + " HIPAA redisclosure statement, which a covered entity or business associate recipient needs;"
                    + " false otherwise");
            elements.unknownFields();
            found += elements.found;
            if (elements.found > 0) {
                return Optional.empty();
            }
            return Optional.of(new Part2Elements(patient.orElseThrow(), discloser.orElseThrow(),
                    information.orElseThrow(), use.orElseThrow(), revocable.orElseThrow(), redisclosure.orElseThrow()));
        }

        private Optional<String> requiredText(String name, int maxLength, String what) {
            if (!fields.containsKey(name)) {
                problem(name, "is required to grant " + Purpose.PART2_WRITTEN_CONSENT.wireName() + ": " + what);
                return Optional.empty();
            }
            return text(name, maxLength, false);
        }

        private Optional<Boolean> flag(String name, String what) {
            Object value = fields.get(name);
            if (value == null) {
                problem(name, "is required to grant " + Purpose.PART2_WRITTEN_CONSENT.wireName() + ": " + what);
                return Optional.empty();
            }
            if (!(value instanceof Boolean stated)) {
                problem(name, "must be true or false");
                return Optional.empty();
            }
            return Optional.of(stated);
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
                if (!allowed.contains(String.valueOf(key))) {
                    problem(String.valueOf(key), "is not a consent field; the fields are " + allowed);
                }
            }
        }

        private void problem(String field, String message) {
            found++;
            problems.add(new ConsentProblem(join(path, field), message));
        }
    }
}
