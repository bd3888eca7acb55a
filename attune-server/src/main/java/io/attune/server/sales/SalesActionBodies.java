package io.attune.server.sales;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Bant;
import io.attune.core.lifecycle.Money;
import io.attune.core.lifecycle.RejectionReason;
import io.attune.core.lifecycle.SalesAction;
import io.attune.core.workspace.Principal;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON body of a sales action, collecting every bad field before answering, as the rest
 * of the API does. A body may name the person acting ({@code user}); otherwise the API key acts.
 */
final class SalesActionBodies {
    private static final int MAX_USER = 200;

    private final JsonNode body;
    private final List<Problem.InvalidParam> problems = new ArrayList<>();

    SalesActionBodies(JsonNode body) {
        this.body = body;
    }

    SalesAction read(String kind) {
        if (body == null || !body.isObject()) {
            throw invalid(List.of(new Problem.InvalidParam("body", "must be a JSON object")));
        }
        SalesAction action = switch (kind) {
            case "accept" -> accept();
            case "reject" -> reject();
            case "opportunity" -> new SalesAction.ConvertToOpportunity(money());
            case "won" -> new SalesAction.Won(money());
            default -> new SalesAction.Lost(text("reason", false, SalesAction.Reject.MAX_NOTE));
        };
        onlyKnown(kind);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return action;
    }

    Actor actor(Principal caller) {
        Optional<String> user = text("user", false, MAX_USER);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return user.<Actor>map(Actor.User::new).orElseGet(() -> new Actor.ApiKey(caller.keyId()));
    }

    private SalesAction accept() {
        Optional<String> budget = text("budget", true, Bant.MAX_LENGTH);
        Optional<String> authority = text("authority", true, Bant.MAX_LENGTH);
        Optional<String> need = text("need", true, Bant.MAX_LENGTH);
        Optional<String> timeline = text("timeline", true, Bant.MAX_LENGTH);
        if (budget.isEmpty() || authority.isEmpty() || need.isEmpty() || timeline.isEmpty()) {
            return null;
        }
        return new SalesAction.Accept(new Bant(budget.get(), authority.get(), need.get(), timeline.get()));
    }

    private SalesAction reject() {
        Optional<String> reasonText = text("reason", true, 40);
        Optional<String> note = text("note", false, SalesAction.Reject.MAX_NOTE);
        Optional<RejectionReason> reason = reasonText.flatMap(RejectionReason::fromWireName);
        if (reasonText.isPresent() && reason.isEmpty()) {
            problems.add(new Problem.InvalidParam("reason", "must be one of " + Arrays.stream(RejectionReason.values())
                    .map(RejectionReason::wireName).toList()));
        }
        if (reason.filter(r -> r == RejectionReason.OTHER).isPresent() && note.isEmpty()) {
            problems.add(new Problem.InvalidParam("note", "is required when the reason is other"));
        }
        return reason.isEmpty() || !problems.isEmpty() ? null : new SalesAction.Reject(reason.get(), note);
    }

    private Optional<Money> money() {
        JsonNode amount = body.get("amount");
        Optional<String> currency = text("currency", false, 3);
        if (amount == null || amount.isNull()) {
            if (currency.isPresent()) {
                problems.add(new Problem.InvalidParam("currency", "is only meaningful with an amount"));
            }
            return Optional.empty();
        }
        try {
            BigDecimal value = amount.isNumber() ? amount.decimalValue() : new BigDecimal(amount.asText());
            return Optional.of(new Money(value, currency.orElse("USD")));
        } catch (NumberFormatException e) {
            problems.add(new Problem.InvalidParam("amount", "must be a number"));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem.InvalidParam(e.getMessage().contains("currency") ? "currency" : "amount",
                    e.getMessage()));
        }
        return Optional.empty();
    }

    private Optional<String> text(String field, boolean required, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new Problem.InvalidParam(field, "is required"));
            }
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(new Problem.InvalidParam(field, "must be non-empty text"));
            return Optional.empty();
        }
        if (value.asText().length() > maxLength) {
            problems.add(new Problem.InvalidParam(field, "must be at most " + maxLength + " characters"));
            return Optional.empty();
        }
        return Optional.of(value.asText().strip());
    }

    private void onlyKnown(String kind) {
        Set<String> known = switch (kind) {
            case "accept" -> Set.of("budget", "authority", "need", "timeline", "user");
            case "reject" -> Set.of("reason", "note", "user");
            case "opportunity", "won" -> Set.of("amount", "currency", "user");
            default -> Set.of("reason", "user");
        };
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new Problem.InvalidParam(name, "is not a field of this action; the fields are "
                        + known.stream().sorted().toList()));
            }
        }
    }

    private static ProblemException invalid(List<Problem.InvalidParam> params) {
        return new ProblemException(Problem.invalidParams(params));
    }
}
