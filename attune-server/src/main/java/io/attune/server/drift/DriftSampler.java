package io.attune.server.drift;

import io.attune.core.account.AccountState;
import io.attune.core.event.Event;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.Safeguards;
import io.attune.core.lead.ScoringGate;
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
import io.attune.server.backtest.LeadRun;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads the leads of a segment first seen in a window of weeks and scores each one as it stood a
 * week after it was first seen, replayed under one model with the core scorer and the same
 * safeguards recording uses (as backtests do). Scoring every lead at the same age, under the same
 * model, keeps decay and model changes out of the comparison: what is left is a change in who the
 * leads are and how they behave.
 */
public final class DriftSampler {
    /** The age at which a lead's score is compared. */
    public static final Duration AGE = Duration.ofDays(7);
    private static final int PAGE = 500;

    private final LeadQueries leads;
    private final Outcomes outcomes;
    private final Workspaces workspaces;
    private final PrivacyClassifications classifications;
    private final LeadScoring scoring = new LeadScoring();

    public DriftSampler(LeadQueries leads, Outcomes outcomes, Workspaces workspaces,
            PrivacyClassifications classifications) {
        this.leads = leads;
        this.classifications = classifications;
        this.outcomes = outcomes;
        this.workspaces = workspaces;
    }

    /** The Monday (UTC) of the week holding {@code at}. */
    public static LocalDate weekOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The leads of the model's segment first seen from the Monday {@code from} up to {@code until} (exclusive). */
    public List<LeadSample> sample(WorkspaceId workspace, ScoringModel model, LocalDate from, LocalDate until,
            Instant now) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = until.atStartOfDay(ZoneOffset.UTC).toInstant();
        Set<LeadId> converted = converted(workspace);
        ScoringGate gate = workspaces.settings(workspace).privacy().scoringGate();
        DataDictionary dictionary = classifications.dataDictionary(workspace);
        LeadFilter filter = new LeadFilter(Optional.empty(), Optional.of(model.segment()), OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.empty(), Optional.empty());
        List<LeadSample> samples = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<LeadState> page = leads.leads(workspace, filter, cursor, PAGE, now);
            for (LeadState lead : page.items()) {
                if (!lead.firstSeen().isBefore(start) && lead.firstSeen().isBefore(end)) {
                    score(workspace, model, gate, dictionary, lead, now).ifPresent(score -> samples.add(new LeadSample(
                            weekOf(lead.firstSeen()), score, converted.contains(lead.id()))));
                }
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return samples;
    }

    private Optional<Double> score(WorkspaceId workspace, ScoringModel model, ScoringGate gate,
            DataDictionary dictionary, LeadState lead, Instant now) {
        Instant atAge = lead.firstSeen().plus(AGE);
        Instant cutOff = atAge.isBefore(now) ? atAge : now;
        List<Event> history = leads.history(workspace, lead.id()).stream()
                .filter(event -> !event.timestamp().isAfter(cutOff)).toList();
        if (history.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> account = lead.account().flatMap(a -> leads.account(workspace, a))
                .map(AccountState::traits).map(traits -> traits.facts()).orElse(Map.of());
        Safeguards safeguards = new Safeguards(gate, dictionary, () -> leads.consents(workspace, lead.id()),
                Optional.of(gate.jurisdiction(lead.traits(), lead.privacy())));
        return Optional.of(LeadRun.of(scoring, model, lead, history, account, safeguards, cutOff).total());
    }

    /** Leads reported at SQL, opportunity or won: converted, as backtests count them. */
    private Set<LeadId> converted(WorkspaceId workspace) {
        Set<LeadId> converted = new HashSet<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Outcome> page = outcomes.outcomes(workspace, OutcomeFilter.ALL, cursor, PAGE);
            for (Outcome outcome : page.items()) {
                if (outcome.status() != OutcomeStatus.LOST) {
                    converted.add(leads.survivorOf(workspace, outcome.lead()).orElse(outcome.lead()));
                }
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return converted;
    }
}
