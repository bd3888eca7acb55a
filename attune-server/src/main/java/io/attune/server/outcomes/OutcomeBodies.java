package io.attune.server.outcomes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Bant;
import io.attune.core.lifecycle.Money;
import io.attune.core.outcome.CrmRecordId;
import io.attune.core.outcome.LeadReference;
import io.attune.core.outcome.OutcomeSource;
import io.attune.core.outcome.OutcomeStatus;
import io.attune.core.outcome.OutcomeUpdate;
import io.attune.server.http.ApiJson;
import io.attune.server.http.Problem;
import io.attune.server.http.Problem.InvalidParam;
import io.attune.server.http.ProblemException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the body of {@code POST /api/outcomes}: {@code {"source": "salesforce", "updates": [...]}}. A body
 * that is not that shape is refused whole (400); each update is read on its own, every bad field
 * named, so that one bad update never refuses the others. Reasons never quote values: a lead may be
 * named by its email address.
 */
public final class OutcomeBodies {
    public static final int MAX_UPDATES = 1_000;
    /** CRM clocks drift; an update further ahead of ours than this is a mistake, not a forecast. */
    static final Duration MAX_AHEAD = Duration.ofDays(1);
    private static final int MAX_USER_ID = 256;
    private static final Set<String> TOP = Set.of("source", "updates");
    private static final Set<String> FIELDS = Set.of("lead", "status", "at", "amount", "currency", "crmId", "bant");
    private static final List<String> LEAD_KINDS = List.of("id", "userId", "email");
    private static final List<String> BANT = List.of("budget", "authority", "need", "timeline");
    private static final ObjectMapper JSON = ApiJson.mapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private OutcomeBodies() {
    }

    /** A request read: where its updates came from, and each update or what is wrong with it. */
    public record Request(OutcomeSource source, List<Item> items) {
        public Request {
            items = List.copyOf(items);
        }
    }

    /** One update as read. */
    public sealed interface Item permits Valid, Invalid {
    }

    public record Valid(OutcomeUpdate update) implements Item {
    }

    /** The update's fields that are wrong, named within the update ({@code at}, {@code lead.email}). */
    public record Invalid(List<InvalidParam> params) implements Item {
        public Invalid {
            params = List.copyOf(params);
        }
    }

    /** Reads a request body received at {@code now}; a malformed body is a ProblemException (400). */
    public static Request read(byte[] body, Instant now) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("body", "is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (java.io.IOException e) {
            throw invalid("body", "could not be read");
        }
        if (root == null || !root.isObject()) {
            throw invalid("body", "must be a JSON object with updates");
        }
        List<InvalidParam> problems = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP.contains(name)) {
                problems.add(new InvalidParam(name, "is not a field of this request; the fields are "
                        + new TreeSet<>(TOP)));
            }
        }
        OutcomeSource source = OutcomeSource.API;
        JsonNode sourceNode = root.get("source");
        if (sourceNode != null && !sourceNode.isNull()) {
            try {
                source = new OutcomeSource(sourceNode.isTextual() ? sourceNode.asText() : "");
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidParam("source", "must be 1-64 lower-case letters, digits, '.', '_' or '-', "
                        + "such as salesforce"));
            }
        }
        JsonNode updates = root.get("updates");
        if (updates == null || !updates.isArray() || updates.isEmpty()) {
            problems.add(new InvalidParam("updates", "must be an array of 1 to " + MAX_UPDATES + " updates"));
        } else if (updates.size() > MAX_UPDATES) {
            problems.add(new InvalidParam("updates", "must hold at most " + MAX_UPDATES
                    + " updates; send more in further requests"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.invalidParams(problems));
        }
        List<Item> items = new ArrayList<>(updates.size());
        updates.forEach(update -> items.add(new UpdateReader(update, now).read()));
        return new Request(source, items);
    }

    private static ProblemException invalid(String name, String reason) {
        return new ProblemException(Problem.invalidParams(List.of(new InvalidParam(name, reason))));
    }

    /** Reads one update, collecting every problem before giving up on it. */
    private static final class UpdateReader {
        private final JsonNode node;
        private final Instant now;
        private final List<InvalidParam> problems = new ArrayList<>();

        UpdateReader(JsonNode node, Instant now) {
            this.node = node;
            this.now = now;
        }

        Item read() {
            if (!node.isObject()) {
                return new Invalid(List.of(new InvalidParam("update", "must be a JSON object")));
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    problems.add(new InvalidParam(name, "is not a field of an update; the fields are "
                            + new TreeSet<>(FIELDS)));
                }
            }
            Optional<LeadReference> lead = lead();
            Optional<OutcomeStatus> status = status();
            Optional<Instant> at = at();
            Optional<Money> amount = amount();
            Optional<CrmRecordId> crmId = text(node, "crmId", "crmId", CrmRecordId.MAX_LENGTH).map(CrmRecordId::new);
            Optional<Bant> bant = bant(status);
            if (!problems.isEmpty()) {
                return new Invalid(problems);
            }
            return new Valid(new OutcomeUpdate(lead.orElseThrow(), status.orElseThrow(), at.orElseThrow(), amount,
                    crmId, bant));
        }

        private Optional<LeadReference> lead() {
            JsonNode lead = node.get("lead");
            if (lead == null || lead.isNull()) {
                problems.add(new InvalidParam("lead", "is required: an object with one of id, userId or email"));
                return Optional.empty();
            }
            if (!lead.isObject()) {
                problems.add(new InvalidParam("lead", "must be an object with one of id, userId or email"));
                return Optional.empty();
            }
            List<String> given = new ArrayList<>();
            for (Iterator<String> names = lead.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (LEAD_KINDS.contains(name)) {
                    given.add(name);
                } else {
                    problems.add(new InvalidParam("lead." + name, "is not a way to name a lead; use id, userId or "
                            + "email"));
                }
            }
            if (given.size() != 1) {
                problems.add(new InvalidParam("lead", "must name the lead by exactly one of id, userId or email"));
                return Optional.empty();
            }
            String kind = given.get(0);
            Optional<String> value = text(lead, kind, "lead." + kind, kind.equals("userId") ? MAX_USER_ID : 254);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            return switch (kind) {
                case "id" -> {
                    if (!LeadId.isValid(value.get())) {
                        problems.add(new InvalidParam("lead.id", "must be a lead id: ld_ and 24 hex digits"));
                        yield Optional.empty();
                    }
                    yield Optional.of(new LeadReference.ById(new LeadId(value.get())));
                }
                case "email" -> {
                    Optional<Identity> email = Identity.email(value.get());
                    if (email.isEmpty()) {
                        problems.add(new InvalidParam("lead.email", "must be an email address"));
                    }
                    yield email.map(LeadReference.ByIdentity::new);
                }
                default -> Optional.of(new LeadReference.ByIdentity(new Identity(IdentityKind.USER_ID,
                        value.get())));
            };
        }

        private Optional<OutcomeStatus> status() {
            Optional<String> text = required("status", 20);
            Optional<OutcomeStatus> status = text.flatMap(OutcomeStatus::fromWireName);
            if (text.isPresent() && status.isEmpty()) {
                problems.add(new InvalidParam("status", "must be one of " + Arrays.stream(OutcomeStatus.values())
                        .map(OutcomeStatus::wireName).toList()));
            }
            return status;
        }

        private Optional<Instant> at() {
            Optional<String> text = required("at", 64);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(text.get()).toInstant();
            } catch (DateTimeException e) {
                problems.add(new InvalidParam("at", "must be an ISO-8601 date-time with an offset, such as "
                        + "2026-01-05T09:00:00Z"));
                return Optional.empty();
            }
            if (at.isAfter(now.plus(MAX_AHEAD))) {
                problems.add(new InvalidParam("at", "must not be more than a day in the future"));
                return Optional.empty();
            }
            return Optional.of(at);
        }

        private Optional<Money> amount() {
            JsonNode amount = node.get("amount");
            Optional<String> currency = text(node, "currency", "currency", 3);
            if (amount == null || amount.isNull()) {
                if (currency.isPresent()) {
                    problems.add(new InvalidParam("currency", "is only meaningful with an amount"));
                }
                return Optional.empty();
            }
            try {
                BigDecimal value = amount.isNumber() ? amount.decimalValue()
                        : amount.isTextual() ? new BigDecimal(amount.asText().strip()) : null;
                if (value == null) {
                    problems.add(new InvalidParam("amount", "must be a decimal number, or one as text"));
                    return Optional.empty();
                }
                return Optional.of(new Money(value, currency.orElse("USD")));
            } catch (NumberFormatException e) {
                problems.add(new InvalidParam("amount", "must be a decimal number, or one as text"));
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidParam(e.getMessage().contains("currency") ? "currency" : "amount",
                        e.getMessage()));
            }
            return Optional.empty();
        }

        private Optional<Bant> bant(Optional<OutcomeStatus> status) {
            JsonNode bant = node.get("bant");
            if (bant == null || bant.isNull()) {
                return Optional.empty();
            }
            if (status.isPresent() && status.get() != OutcomeStatus.SQL) {
                problems.add(new InvalidParam("bant", "belongs to an sql update only"));
                return Optional.empty();
            }
            if (!bant.isObject()) {
                problems.add(new InvalidParam("bant", "must be an object with budget, authority, need and timeline"));
                return Optional.empty();
            }
            for (Iterator<String> names = bant.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!BANT.contains(name)) {
                    problems.add(new InvalidParam("bant." + name, "is not part of BANT; the fields are " + BANT));
                }
            }
            List<Optional<String>> parts = BANT.stream()
                    .map(part -> {
                        Optional<String> text = text(bant, part, "bant." + part, Bant.MAX_LENGTH);
                        if (text.isEmpty() && (bant.get(part) == null || bant.get(part).isNull())) {
                            problems.add(new InvalidParam("bant." + part, "is required: an SQL has budget, "
                                    + "authority, need and timeline confirmed"));
                        }
                        return text;
                    }).toList();
            if (parts.stream().anyMatch(Optional::isEmpty)) {
                return Optional.empty();
            }
            return Optional.of(new Bant(parts.get(0).get(), parts.get(1).get(), parts.get(2).get(),
                    parts.get(3).get()));
        }

        private Optional<String> required(String field, int maxLength) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                problems.add(new InvalidParam(field, "is required"));
                return Optional.empty();
            }
            return text(node, field, field, maxLength);
        }

        /** Non-empty text of at most {@code maxLength} characters without control characters, if present. */
        private Optional<String> text(JsonNode parent, String field, String name, int maxLength) {
            JsonNode value = parent.get(field);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                problems.add(new InvalidParam(name, "must be non-empty text"));
                return Optional.empty();
            }
            String text = value.asText().strip();
            if (text.length() > maxLength) {
                problems.add(new InvalidParam(name, "must be at most " + maxLength + " characters"));
                return Optional.empty();
            }
            if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f) && !name.startsWith("bant.")) {
                problems.add(new InvalidParam(name, "must not contain control characters"));
                return Optional.empty();
            }
            return Optional.of(text);
        }
    }
}
