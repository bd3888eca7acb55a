package io.attune.server.leads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.attune.core.jurisdiction.HealthDataLaw;
import io.attune.core.jurisdiction.Jurisdiction;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.ScoringGate;
import io.attune.core.model.Segment;
import io.attune.core.sla.SlaTimer;
import io.attune.server.crisis.CrisisBodies;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the lead endpoints. Scores are rounded to two decimals; times are ISO-8601 instants. */
public final class LeadBodies {
    private LeadBodies() {
    }

    /**
     * A score read at the time of the request: fit, engagement decayed to now, the model's learned term
     * now (0 when it has none), and whether it qualifies.
     */
    public record Score(double fit, double engagement, double learned, double total, boolean qualified,
            String because, String cell) {
    }

    /**
     * The model's learned term for the lead now: {@code points × probability}, the logit behind the
     * probability and each weighted rule's share of it. It reads only rule values, never attributes
     * or event text, so it can say nothing the rules do not.
     */
    public record LearnedBody(double points, double probability, double logit, double intercept,
            List<LearnedShare> shares, String trainedOn) {
    }

    /** One rule's share of the learned logit: its weight × its value now. */
    public record LearnedShare(String rule, String description, double weight, double value, double share) {
    }

    /** One of the rules that contribute most to a score now: fit points, or an engagement rule's decayed value. */
    public record Reason(String rule, String description, String kind, double value) {
    }

    public record LeadSummary(String id, String segment, String stage, boolean identified, String account,
            String model, Score score, List<Reason> topReasons, Instant firstSeen, Instant lastSeen,
            Instant updatedAt) {
    }

    /** A lead in the MQL queue, with when it last became an MQL. */
    public record MqlSummary(@JsonUnwrapped LeadSummary lead, Instant qualifiedAt, SlaBody sla) {
    }

    public record FitLine(String rule, String description, double points) {
    }

    /** What one engagement rule has earned for the lead: how often, in all, and what that is worth now. */
    public record EngagementLine(String rule, String description, int count, double earned, double valueNow) {
    }

    /** One contribution of the explanation ledger, and the event that earned it. */
    public record LedgerEntry(String rule, String description, double points, double valueNow, String messageId,
            Instant at) {
    }

    public record Disqualification(String rule, String reason, Instant at) {
    }

    public record IdentityBody(String kind, String value) {
    }

    /**
     * One lead in full. {@code mergedFrom} is the id that was asked for when it had been merged into
     * this lead, otherwise {@code null}.
     */
    public record LeadDocument(String id, String mergedFrom, String segment, String stage, boolean identified,
            String account, String model, Instant asOf, Score score, List<FitLine> fit,
            List<EngagementLine> engagement, LearnedBody learned, List<LedgerEntry> explanation,
            Disqualification disqualification,
            List<IdentityBody> identities, List<String> roles, Map<String, Object> traits, Instant firstSeen,
            Instant lastSeen, long events, Instant updatedAt, SalesBody sales, SlaBody sla,
            CrisisBodies.LeadCrisis crisis, PrivacyBody privacy) {
    }

    /**
     * What the privacy rules found: where the consumer's data is governed from (STATE-01) and what
     * told it (kinds of signal, never their values), the consumer-health-data laws that apply, the
     * age band (MINOR-01/02), and, when the score is withheld, each rule and why.
     */
    public record PrivacyBody(List<String> states, boolean jurisdictionKnown, List<String> signals,
            List<String> laws, String ageBand, boolean scoringWithheld, List<WithheldBody> withheld) {
        static PrivacyBody of(LeadState lead, ScoringGate gate) {
            Jurisdiction jurisdiction = gate.jurisdiction(lead.traits(), lead.privacy());
            List<String> laws = lead.segment() == Segment.CONSUMER
                    ? jurisdiction.laws(gate.unknown()).stream().map(HealthDataLaw::title).toList() : List.of();
            return new PrivacyBody(List.copyOf(jurisdiction.states()), jurisdiction.known(), jurisdiction.signals(),
                    laws, lead.privacy().age().wireName(), lead.privacy().scoringWithheld(),
                    lead.privacy().withheld().stream().map(w -> new WithheldBody(w.rule(), w.reason())).toList());
        }
    }

    public record WithheldBody(String rule, String reason) {
    }

    /**
     * The sales SLA of the lead's latest qualification: when it qualified, when sales had to answer
     * by, and whether it did ({@code open}, {@code met}, {@code breached}, {@code void}); {@code overdue}
     * while breached and still unanswered.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SlaBody(String lead, Instant qualifiedAt, Instant dueAt, String status, Instant breachedAt,
            Instant closedAt, boolean overdue) {
        public static SlaBody of(SlaTimer timer) {
            return new SlaBody(timer.lead().value(), timer.qualifiedAt(), timer.dueAt(), timer.status().wireName(),
                    timer.breachedAt().orElse(null), timer.closedAt().orElse(null), timer.overdue());
        }
    }

    /** What sales did with the lead; {@code null} fields were never set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SalesBody(BantBody bant, String rejection, String note, Instant recycledAt, MoneyBody opportunity,
            MoneyBody won) {
    }

    public record BantBody(String budget, String authority, String need, String timeline) {
    }

    public record MoneyBody(String amount, String currency) {
    }

    public record TransitionBody(String from, String to, Instant at, String cause, String actor) {
    }

    public record Transitions(String lead, String mergedFrom, List<TransitionBody> items) {
    }
}
