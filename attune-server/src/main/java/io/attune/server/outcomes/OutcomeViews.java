package io.attune.server.outcomes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.attune.core.lifecycle.Money;
import io.attune.core.outcome.CrmRecordId;
import io.attune.core.outcome.Outcome;
import io.attune.core.outcome.OutcomeResult;
import io.attune.server.http.Problem.InvalidParam;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the outcomes API. */
public final class OutcomeViews {
    private OutcomeViews() {
    }

    /** The answer to a request of updates: one result per update, in their order, and the counts. */
    public record Answer(List<ItemResult> results, Summary summary) {
        public Answer {
            results = List.copyOf(results);
        }
    }

    public record Summary(int received, int stored, int duplicates, int unknownLeads, int invalid, int moved) {
    }

    /**
     * What became of the update at {@code index}: {@code stored}, {@code duplicate}, {@code unknown_lead}
     * (with the kind of {@code reference}, never its value) or {@code invalid} (with its fields).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(int index, String result, String outcome, String lead, StageBody stage, String reference,
            String detail, @JsonProperty("invalid-params") List<InvalidParam> invalidParams) {
    }

    /** Whether the lead's stage moved, from and to where, or why not. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageBody(boolean moved, String from, String to, String reason) {
    }

    /** A stored outcome; {@code amount} and {@code crmId} are null when the update had none. */
    public record OutcomeBody(String id, String lead, String status, Instant at, AmountBody amount, String crmId,
            String source, String recordedBy, Instant recordedAt) {
    }

    public record AmountBody(String amount, String currency) {
    }

    static OutcomeBody outcome(Outcome outcome) {
        return new OutcomeBody(outcome.id().value(), outcome.lead().value(), outcome.status().wireName(),
                outcome.occurredAt(), outcome.amount().map(OutcomeViews::amount).orElse(null),
                outcome.crmId().map(CrmRecordId::value).orElse(null), outcome.source().value(),
                outcome.recordedBy().describe(), outcome.recordedAt());
    }

    static ItemResult result(int index, OutcomeResult result) {
        if (result instanceof OutcomeResult.Stored stored) {
            return new ItemResult(index, "stored", stored.outcome().id().value(), stored.outcome().lead().value(),
                    stage(stored.stage()), null, null, null);
        }
        if (result instanceof OutcomeResult.Duplicate duplicate) {
            return new ItemResult(index, "duplicate", duplicate.id().value(), duplicate.lead().value(), null, null,
                    "stored before; nothing changed", null);
        }
        String reference = ((OutcomeResult.UnknownLead) result).reference();
        return new ItemResult(index, "unknown_lead", null, null, null, reference,
                "no lead in this workspace has the " + reference + " of update " + index + "; nothing was stored",
                null);
    }

    static ItemResult invalid(int index, List<InvalidParam> params) {
        return new ItemResult(index, "invalid", null, null, null, null,
                "not stored; these fields are not valid: "
                        + String.join(", ", params.stream().map(InvalidParam::name).toList()), params);
    }

    private static StageBody stage(OutcomeResult.StageChange change) {
        if (change instanceof OutcomeResult.Moved moved) {
            return new StageBody(true, moved.from().wireName(), moved.to().wireName(), null);
        }
        return new StageBody(false, null, null, ((OutcomeResult.Unchanged) change).reason());
    }

    private static AmountBody amount(Money money) {
        return new AmountBody(money.amount().toPlainString(), money.currency());
    }
}
