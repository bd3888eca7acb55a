package io.attune.server.proposal;

import io.attune.core.identity.LeadId;
import io.attune.core.model.EngagementRule;
import io.attune.core.model.FitRule;
import io.attune.core.model.ScoringModel;
import io.attune.core.outcome.Outcome;
import io.attune.core.outcome.OutcomeFilter;
import io.attune.core.outcome.OutcomeStatus;
import io.attune.core.outcome.Outcomes;
import io.attune.core.query.LeadQueries;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import io.attune.learn.proposal.RuleTable;
import io.attune.server.backtest.Backtester;
import io.attune.server.backtest.LeadRun;
import io.attune.server.jobs.BackgroundJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labelled leads of a model's segment, each replayed through the model with the backtest's replay
 * up to its cut-off: the time of its first outcome of SQL or beyond (positive), or of its loss
 * (negative); a lead without an outcome is read as of the request's as-of time, and is negative when
 * the model disqualifies it then or, when asked, when it has been an MQL for that many days without
 * an SQL. Outcomes after the as-of time are not known yet.
 */
final class TrainingLeads {
    private static final int PAGE = 500;

    private final Backtester backtester;
    private final LeadQueries leads;
    private final Outcomes outcomes;

    TrainingLeads(Backtester backtester, LeadQueries leads, Outcomes outcomes) {
        this.backtester = backtester;
        this.leads = leads;
        this.outcomes = outcomes;
    }

    /** Why a lead of the segment is not in the table. */
    enum Skipped {
        NO_OUTCOME("no outcome, not disqualified and not a stale MQL by the as-of time"),
        NO_EVENTS("no events by its cut-off");

        final String reason;

        Skipped(String reason) {
            this.reason = reason;
        }
    }

    /** The table, with how many leads the segment has and why the others were left out. */
    record Training(RuleTable table, int leads, Map<Skipped, Integer> skipped) {
    }

    Training collect(WorkspaceId workspace, ScoringModel model, ProposalRequest request,
            BackgroundJobs.Progress progress) {
        List<LeadId> ids = backtester.leadsOf(workspace, model);
        progress.total(ids.size());
        Map<LeadId, Known> known = known(workspace, request.asOf());
        List<String> rules = new ArrayList<>();
        List<Double> points = new ArrayList<>();
        for (FitRule rule : model.fit()) {
            rules.add(rule.id().value());
            points.add(rule.points());
        }
        for (EngagementRule rule : model.engagement()) {
            rules.add(rule.id().value());
            points.add(rule.points());
        }
        List<double[]> values = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Map<Skipped, Integer> skipped = new EnumMap<>(Skipped.class);
        long processed = 0;
        for (LeadId id : ids) {
            Optional<Labelled> labelled = label(workspace, model, id, known.get(id), request);
            if (labelled.isPresent() && labelled.get().run().isPresent()) {
                LeadRun run = labelled.get().run().get();
                values.add(rules.stream().mapToDouble(rule -> run.rulePoints().getOrDefault(rule, 0.0)).toArray());
                labels.add(labelled.get().positive());
                scores.add(run.total());
            } else {
                skipped.merge(labelled.isPresent() ? Skipped.NO_EVENTS : Skipped.NO_OUTCOME, 1, Integer::sum);
            }
            progress.processed(++processed);
        }
        boolean[] labelArray = new boolean[labels.size()];
        for (int i = 0; i < labelArray.length; i++) {
            labelArray[i] = labels.get(i);
        }
        return new Training(new RuleTable(rules, points.stream().mapToDouble(Double::doubleValue).toArray(),
                values.toArray(double[][]::new), labelArray, scores.stream().mapToDouble(Double::doubleValue).toArray(),
                model.threshold()), ids.size(), skipped);
    }

    /** A lead's label and its replay up to its cut-off (empty when it had no events by then). */
    private record Labelled(boolean positive, Optional<LeadRun> run) {
    }

    private Optional<Labelled> label(WorkspaceId workspace, ScoringModel model, LeadId id, Known known,
            ProposalRequest request) {
        if (known != null && known.sql() != null) {
            return Optional.of(new Labelled(true, backtester.replay(workspace, model, id, known.sql())));
        }
        if (known != null && known.lost() != null) {
            return Optional.of(new Labelled(false, backtester.replay(workspace, model, id, known.lost())));
        }
        Optional<LeadRun> asOf = backtester.replay(workspace, model, id, request.asOf());
        if (asOf.isEmpty()) {
            return Optional.of(new Labelled(false, asOf));
        }
        boolean disqualified = asOf.get().score().disqualification().isPresent();
        boolean stale = request.staleMqlDays().isPresent() && asOf.get().qualifiedAt()
                .filter(at -> !at.isAfter(request.asOf().minus(Duration.ofDays(request.staleMqlDays().getAsInt()))))
                .isPresent();
        return disqualified || stale ? Optional.of(new Labelled(false, asOf)) : Optional.empty();
    }

    /** A lead's first SQL-or-beyond and first loss, up to the as-of time; either may be null. */
    private record Known(Instant sql, Instant lost) {
        Known with(Outcome outcome) {
            Instant at = outcome.occurredAt();
            if (outcome.status() == OutcomeStatus.LOST) {
                return new Known(sql, lost == null || at.isBefore(lost) ? at : lost);
            }
            return new Known(sql == null || at.isBefore(sql) ? at : sql, lost);
        }
    }

    private Map<LeadId, Known> known(WorkspaceId workspace, Instant asOf) {
        Map<LeadId, Known> known = new HashMap<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Outcome> page = outcomes.outcomes(workspace, OutcomeFilter.ALL, cursor, PAGE);
            for (Outcome outcome : page.items()) {
                if (!outcome.occurredAt().isAfter(asOf)) {
                    LeadId lead = leads.survivorOf(workspace, outcome.lead()).orElse(outcome.lead());
                    known.merge(lead, new Known(null, null).with(outcome), (was, now) -> was.with(outcome));
                }
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return known;
    }
}
