package io.attune.server.leads;

import io.attune.core.account.AccountId;
import io.attune.core.lead.LeadState;
import io.attune.core.model.RuleId;
import io.attune.core.model.ScoringModel;
import io.attune.core.scoring.LeadScore;
import io.attune.core.scoring.Qualification;
import io.attune.core.scoring.RuleTally;
import io.attune.server.http.Numbers;
import io.attune.server.leads.LeadBodies.LeadSummary;
import io.attune.server.leads.LeadBodies.Reason;
import io.attune.server.leads.LeadBodies.Score;
import io.attune.server.models.RuleDescriptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Reads a stored lead as of an instant: decay is applied here, at read time, never by a batch. */
final class LeadViews {
    static final int TOP_REASONS = 3;

    private LeadViews() {
    }

    static Score score(Qualification qualification) {
        return new Score(Numbers.round(qualification.fit()), Numbers.round(qualification.engagement()),
                Numbers.round(qualification.learned()), Numbers.round(qualification.total()), qualification.qualified(), qualification.because(),
                qualification.cell().orElse(null));
    }

    static LeadSummary summary(LeadState lead, ScoringModel model, Instant now) {
        return new LeadSummary(lead.id().value(), lead.segment().wireName(), lead.stage().wireName(),
                lead.identified(), lead.account().map(AccountId::value).orElse(null), lead.model().toString(),
                score(Qualification.of(model, lead, now)), topReasons(model, lead.score(), now),
                lead.firstSeen(), lead.lastSeen(), lead.updatedAt());
    }

    /**
     * The rules that add most to the score now: fit rules at their points, engagement rules at their
     * decayed value. Only positive contributions explain why a lead scores; ties go by rule id so the
     * answer is stable.
     */
    static List<Reason> topReasons(ScoringModel model, LeadScore score, Instant now) {
        RuleDescriptions descriptions = new RuleDescriptions(model);
        List<Reason> reasons = new ArrayList<>();
        score.fitContributions().forEach(fit -> reasons.add(
                new Reason(fit.rule().value(), descriptions.of(fit.rule()), "fit", fit.points())));
        long nowMillis = now.toEpochMilli();
        for (Map.Entry<RuleId, RuleTally> tally : score.tallies(model).entrySet()) {
            double value = tally.getValue().value().at(nowMillis, model.decay());
            reasons.add(new Reason(tally.getKey().value(), descriptions.of(tally.getKey()), "engagement", value));
        }
        return reasons.stream()
                .filter(reason -> Numbers.round(reason.value()) > 0)
                .sorted(Comparator.comparingDouble(Reason::value).reversed().thenComparing(Reason::rule))
                .limit(TOP_REASONS)
                .map(reason -> new Reason(reason.rule(), reason.description(), reason.kind(),
                        Numbers.round(reason.value())))
                .toList();
    }
}
