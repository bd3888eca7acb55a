package io.attune.bench;

import io.attune.core.condition.Condition;
import io.attune.core.event.Event;
import io.attune.core.event.EventKind;
import io.attune.core.model.AccountModel;
import io.attune.core.model.CommitteeRole;
import io.attune.core.model.DisqualifyRule;
import io.attune.core.model.EngagementRule;
import io.attune.core.model.FitRule;
import io.attune.core.model.ScoringModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a benchmark run scores: the model's rule counts, how many conditions fell back to the CEL
 * interpreter, and how many rules the scorer tests per event of the stream (the engagement rules
 * indexed under the event's kind and name plus the event disqualifiers), overall and by kind.
 */
final class RuleCensus {
    private RuleCensus() {
    }

    static void print(ScoringModel model, EmployerWorkload workload, PrintStream out) {
        List<Condition> conditions = new ArrayList<>();
        model.fit().stream().map(FitRule::when).forEach(conditions::add);
        model.engagement().stream().map(EngagementRule::when).forEach(conditions::add);
        model.disqualify().stream().map(DisqualifyRule::when).forEach(conditions::add);
        int accountFit = model.account().map(a -> a.fit().size()).orElse(0);
        int committee = model.account().map(a -> a.committee().size()).orElse(0);
        model.account().map(AccountModel::fit).orElse(List.of()).forEach(rule -> conditions.add(rule.when()));
        model.account().map(AccountModel::committee).orElse(List.of()).stream().map(CommitteeRole::when)
                .forEach(conditions::add);
        long interpreted = conditions.stream().filter(c -> c.toString().startsWith("cel(")).count();
        int rules = model.fit().size() + model.engagement().size() + model.disqualify().size();
        out.printf(Locale.ROOT, "%n[census] model %s: %d rules = %d fit + %d engagement + %d disqualify"
                + " (account: %d fit, %d committee roles); conditions on the CEL interpreter: %d of %d%n",
                model.version().modelId() + " v" + model.version().version(), rules, model.fit().size(),
                model.engagement().size(), model.disqualify().size(), accountFit, committee, interpreted,
                conditions.size());

        Map<EventKind, long[]> byKind = new EnumMap<>(EventKind.class);
        long tested = 0;
        for (int i = 0; i < workload.size(); i++) {
            Event event = workload.event(i);
            int candidates = model.engagementRulesFor(event.kind(), event.name()).length
                    + model.disqualifyRulesFor(event.kind(), event.name()).size();
            long[] tally = byKind.computeIfAbsent(event.kind(), k -> new long[2]);
            tally[0]++;
            tally[1] += candidates;
            tested += candidates;
        }
        StringBuilder kinds = new StringBuilder();
        byKind.forEach((kind, tally) -> kinds.append(String.format(Locale.ROOT, "; %s %.1f%% of events, %.1f rules",
                kind.wireName(), 100.0 * tally[0] / workload.size(), (double) tally[1] / tally[0])));
        out.printf(Locale.ROOT, "[census] stream: %d events from %d leads; rules tested per event by the scorer:"
                + " mean %.2f%s%n", workload.size(), workload.leads(), (double) tested / workload.size(), kinds);
    }
}
