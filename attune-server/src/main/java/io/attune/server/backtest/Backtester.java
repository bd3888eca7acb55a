package io.attune.server.backtest;

import io.attune.core.account.AccountState;
import io.attune.core.event.Event;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.Safeguards;
import io.attune.core.lead.ScoringGate;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ScoringModel;
import io.attune.core.outcome.Outcome;
import io.attune.core.outcome.OutcomeFilter;
import io.attune.core.outcome.OutcomeStatus;
import io.attune.core.outcome.Outcomes;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.privacy.PrivacyClassifications;
import io.attune.core.query.LeadFilter;
import io.attune.core.query.LeadQueries;
import io.attune.core.query.Page;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.Workspaces;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Runs a {@link Backtest}: every stored lead of the candidate's segment is replayed under the active
 * model and the candidate with the core scorer and the same safeguards recording used (the
 * workspace's scoring gate, the lead's consents), exactly as a lead's explanation is replayed. A
 * backtest of the active model against itself therefore reproduces the live scores.
 */
public final class Backtester {
    private static final int PAGE = 500;

    private final LeadQueries leads;
    private final Outcomes outcomes;
    private final ModelRegistry models;
    private final Workspaces workspaces;
    private final PrivacyClassifications classifications;
    private final LeadScoring scoring = new LeadScoring();

    public Backtester(LeadQueries leads, Outcomes outcomes, ModelRegistry models, Workspaces workspaces,
            PrivacyClassifications classifications) {
        this.leads = leads;
        this.classifications = classifications;
        this.outcomes = outcomes;
        this.models = models;
        this.workspaces = workspaces;
    }

    /** The leads a backtest of this segment will replay, for progress. */
    public List<LeadId> leadsOf(WorkspaceId workspace, ScoringModel candidate) {
        List<LeadId> ids = new ArrayList<>();
        LeadFilter filter = new LeadFilter(Optional.empty(), Optional.of(candidate.segment()), OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.empty(), Optional.empty());
        Optional<String> cursor = Optional.empty();
        do {
            Page<LeadState> page = leads.leads(workspace, filter, cursor, PAGE, Instant.EPOCH);
            page.items().forEach(lead -> ids.add(lead.id()));
            cursor = page.next();
        } while (cursor.isPresent());
        return ids;
    }

    /**
     * @param done told how many leads are replayed so far
     */
    public Backtest run(WorkspaceId workspace, ScoringModel candidate, Optional<Instant> from, Instant to,
            List<LeadId> ids, LongConsumer done) {
        ScoringModel active = models.catalog(workspace).active(candidate.segment());
        ScoringGate gate = workspaces.settings(workspace).privacy().scoringGate();
        DataDictionary dictionary = classifications.dataDictionary(workspace);
        Map<LeadId, Backtest.Pair> byLead = new LinkedHashMap<>();
        long replayed = 0;
        for (LeadId id : ids) {
            input(workspace, gate, dictionary, id, to).ifPresent(input -> byLead.put(id,
                    new Backtest.Pair(input.run(scoring, active, to), input.run(scoring, candidate, to))));
            done.accept(++replayed);
        }
        return summarise(workspace, active, candidate, from, to, byLead);
    }

    /**
     * One lead replayed under {@code model} with its events up to {@code cutOff}, as a backtest replays
     * it; empty when the lead is unknown or had no event by then.
     */
    public Optional<LeadRun> replay(WorkspaceId workspace, ScoringModel model, LeadId id, Instant cutOff) {
        ScoringGate gate = workspaces.settings(workspace).privacy().scoringGate();
        return input(workspace, gate, classifications.dataDictionary(workspace), id, cutOff)
                .map(input -> input.run(scoring, model, cutOff));
    }

    /** What a lead's replay starts from: its stored state, its events up to the cut-off, its account, its safeguards. */
    private record Input(LeadState state, List<Event> history, Map<String, Object> account, Safeguards safeguards) {
        LeadRun run(LeadScoring scoring, ScoringModel model, Instant cutOff) {
            return LeadRun.of(scoring, model, state, history, account, safeguards, cutOff);
        }
    }

    private Optional<Input> input(WorkspaceId workspace, ScoringGate gate, DataDictionary dictionary, LeadId id,
            Instant to) {
        Optional<LeadState> lead = leads.lead(workspace, id);
        List<Event> history = lead.isEmpty() ? List.of() : leads.history(workspace, id).stream()
                .filter(event -> !event.timestamp().isAfter(to)).toList();
        if (history.isEmpty()) {
            return Optional.empty();
        }
        LeadState state = lead.get();
        Map<String, Object> account = state.account().flatMap(a -> leads.account(workspace, a))
                .map(AccountState::traits).map(traits -> traits.facts()).orElse(Map.of());
        Safeguards safeguards = new Safeguards(gate, dictionary, () -> leads.consents(workspace, id),
                Optional.of(gate.jurisdiction(state.traits(), state.privacy())));
        return Optional.of(new Input(state, history, account, safeguards));
    }

    private Backtest summarise(WorkspaceId workspace, ScoringModel active, ScoringModel candidate,
            Optional<Instant> from, Instant to, Map<LeadId, Backtest.Pair> byLead) {
        Known outcomes = known(workspace);
        List<Backtest.Change> newly = new ArrayList<>();
        List<Backtest.Change> stopped = new ArrayList<>();
        for (Map.Entry<LeadId, Backtest.Pair> entry : byLead.entrySet()) {
            LeadRun was = entry.getValue().active();
            LeadRun would = entry.getValue().candidate();
            boolean before = inWindow(was, from);
            boolean after = inWindow(would, from);
            if (after && !before) {
                newly.add(new Backtest.Change(entry.getKey(), was.total(), would.total(), would.qualifiedAt(),
                        would.reasons()));
            } else if (before && !after) {
                stopped.add(new Backtest.Change(entry.getKey(), was.total(), would.total(), was.qualifiedAt(),
                        was.reasons()));
            }
        }
        return new Backtest(active.version(), candidate.version(), from, to, byLead.size(),
                side(active, byLead.values().stream().map(Backtest.Pair::active).toList(), from),
                side(candidate, byLead.values().stream().map(Backtest.Pair::candidate).toList(), from),
                newly, stopped, metrics(byLead, outcomes, from), byLead, outcomes.sql());
    }

    /** The leads with known outcomes: those that reached SQL or beyond, and those won. */
    private record Known(Set<LeadId> sql, Set<LeadId> won) {
    }

    private static boolean inWindow(LeadRun run, Optional<Instant> from) {
        return run.qualifiedAt().filter(at -> from.map(start -> !at.isBefore(start)).orElse(true)).isPresent();
    }

    private static Backtest.Side side(ScoringModel model, List<LeadRun> runs, Optional<Instant> from) {
        TreeMap<LocalDate, Integer> weeks = new TreeMap<>();
        int[] distribution = new int[Backtest.BINS];
        int mqls = 0;
        for (LeadRun run : runs) {
            if (inWindow(run, from)) {
                mqls++;
                weeks.merge(weekOf(run.qualifiedAt().get()), 1, Integer::sum);
            }
            int bin = (int) Math.floor(Math.max(0, run.total()) / Backtest.BIN);
            distribution[Math.min(Backtest.BINS - 1, bin)]++;
        }
        return new Backtest.Side(model.version(), mqls, weeks, distribution);
    }

    static LocalDate weekOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Over every replayed lead once any outcome is known: a lead with none did not convert. */
    private static Optional<Backtest.Metrics> metrics(Map<LeadId, Backtest.Pair> byLead, Known known,
            Optional<Instant> from) {
        if (known.sql().isEmpty() || byLead.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Backtest.Metrics(outcomeMetrics(byLead, known.sql(), known.won(), from, true),
                outcomeMetrics(byLead, known.sql(), known.won(), from, false)));
    }

    private Known known(WorkspaceId workspace) {
        Set<LeadId> sql = new HashSet<>();
        Set<LeadId> won = new HashSet<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Outcome> page = outcomes.outcomes(workspace, OutcomeFilter.ALL, cursor, PAGE);
            for (Outcome outcome : page.items()) {
                LeadId lead = leads.survivorOf(workspace, outcome.lead()).orElse(outcome.lead());
                if (outcome.status() != OutcomeStatus.LOST) {
                    sql.add(lead);
                }
                if (outcome.status() == OutcomeStatus.WON) {
                    won.add(lead);
                }
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return new Known(Set.copyOf(sql), Set.copyOf(won));
    }

    private static OutcomeMetrics outcomeMetrics(Map<LeadId, Backtest.Pair> byLead, Set<LeadId> sql, Set<LeadId> won,
            Optional<Instant> from, boolean active) {
        int n = byLead.size();
        double[] scores = new double[n];
        boolean[] mql = new boolean[n];
        boolean[] sqls = new boolean[n];
        boolean[] wins = new boolean[n];
        int i = 0;
        for (Map.Entry<LeadId, Backtest.Pair> entry : byLead.entrySet()) {
            LeadRun run = active ? entry.getValue().active() : entry.getValue().candidate();
            scores[i] = run.total();
            mql[i] = inWindow(run, from);
            sqls[i] = sql.contains(entry.getKey());
            wins[i] = won.contains(entry.getKey());
            i++;
        }
        return OutcomeMetrics.of(scores, mql, sqls, wins);
    }
}
