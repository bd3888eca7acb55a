package io.attune.core.outcome;

import io.attune.core.identity.LeadId;
import io.attune.core.ingest.ActionIntake;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.ActionOutcome;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.Lifecycle;
import io.attune.core.lifecycle.SalesAction;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.Transition;
import io.attune.core.outcome.OutcomeResult.StageChange;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Takes status updates from the CRM: stores each as an {@link Outcome} once, and moves the lead's
 * stage where the lifecycle allows it, through the writer like any sales action, acted by the sender.
 * An update whose lead is unknown is reported, not stored; one that was stored before changes nothing.
 *
 * <p>What each status does to the stage: {@code sql} with BANT accepts an MQL (without BANT the stage
 * stays: Attune's SQL means budget, authority, need and timeline were confirmed); {@code opportunity}
 * converts an SQL; {@code won} makes an opportunity a customer, and an SQL too, through the opportunity
 * that a won deal implies; {@code lost} recycles the lead. A move the lifecycle refuses leaves the stage
 * as it is, with the reason, and the outcome is stored all the same.
 *
 * <p>Updates are applied in the order they occurred (a CRM may send a deal's "won" before its
 * "opportunity"). The moves are applied before the outcomes are stored, so an update retried after a
 * failure in between finds the lead already moved, and is stored then with the stage unchanged.
 */
public final class RecordOutcomes {
    /** Why an {@code sql} update without BANT leaves the stage alone. */
    public static final String NO_BANT = "an SQL in Attune has budget, authority, need and timeline confirmed and "
            + "this update has none; send them as bant to move the stage";

    private final LeadFinder leads;
    private final Outcomes outcomes;
    private final ActionIntake actions;

    public RecordOutcomes(LeadFinder leads, Outcomes outcomes, ActionIntake actions) {
        this.leads = leads;
        this.outcomes = outcomes;
        this.actions = actions;
    }

    private record Candidate(int index, OutcomeUpdate update, LeadState lead, OutcomeId id) {
        LeadId leadId() {
            return lead.id();
        }
    }

    /**
     * Records {@code updates}, sent by {@code actor} from {@code source}, at {@code now}: one result per
     * update, in their order. Returns once the moves and the outcomes are durable.
     */
    public List<OutcomeResult> record(WorkspaceId workspace, List<OutcomeUpdate> updates, OutcomeSource source,
            Actor actor, Instant now) {
        OutcomeResult[] results = new OutcomeResult[updates.size()];
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            OutcomeUpdate update = updates.get(i);
            Optional<LeadState> lead = leads.find(workspace, update.lead());
            if (lead.isEmpty()) {
                results[i] = new OutcomeResult.UnknownLead(update.lead().kind());
            } else {
                candidates.add(new Candidate(i, update, lead.get(),
                        OutcomeId.of(lead.get().id(), update.status(), update.at(), update.crmId())));
            }
        }
        Set<OutcomeId> before = outcomes.stored(workspace, candidates.stream().map(Candidate::id).toList());
        Set<OutcomeId> seen = new HashSet<>();
        List<Candidate> fresh = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (before.contains(candidate.id()) || !seen.add(candidate.id())) {
                results[candidate.index()] = new OutcomeResult.Duplicate(candidate.id(), candidate.leadId());
            } else {
                fresh.add(candidate);
            }
        }
        fresh.sort(Comparator.comparing((Candidate candidate) -> candidate.update().at())
                .thenComparingInt(Candidate::index));
        Map<Candidate, StageChange> changes = move(workspace, fresh, actor, now, results);
        Map<Candidate, Outcome> toStore = new LinkedHashMap<>();
        changes.keySet().forEach(candidate -> toStore.put(candidate, outcome(candidate, source, actor, now)));
        Set<OutcomeId> storedNow = outcomes.store(workspace, List.copyOf(toStore.values()));
        changes.forEach((candidate, change) -> results[candidate.index()] = storedNow.contains(candidate.id())
                ? new OutcomeResult.Stored(toStore.get(candidate), change)
                : new OutcomeResult.Duplicate(candidate.id(), candidate.leadId()));
        return List.of(results);
    }

    /**
     * Plans each update's actions from the stage its lead will be in by then (the stage found, moved by
     * the request's earlier updates), submits them all in order (the writer applies them in the order
     * submitted), then waits for each. The writer has the last word: it refuses what is no longer legal.
     * A lead that is gone by the time its move is applied is reported unknown.
     */
    private Map<Candidate, StageChange> move(WorkspaceId workspace, List<Candidate> ordered, Actor actor,
            Instant now, OutcomeResult[] results) {
        Map<LeadId, Stage> expected = new HashMap<>();
        Map<Candidate, List<CompletionStage<ActionOutcome>>> submitted = new LinkedHashMap<>();
        Map<Candidate, StageChange> changes = new LinkedHashMap<>();
        for (Candidate candidate : ordered) {
            Stage stage = expected.getOrDefault(candidate.leadId(), candidate.lead().stage());
            List<SalesAction> planned = plan(candidate.update(), stage);
            if (planned.isEmpty()) {
                changes.put(candidate, new OutcomeResult.Unchanged(NO_BANT));
                continue;
            }
            List<CompletionStage<ActionOutcome>> pending = new ArrayList<>();
            for (SalesAction action : planned) {
                pending.add(actions.submit(workspace, new LeadAction(candidate.leadId(), action, actor, now)));
                stage = Lifecycle.allows(stage, action.target()) ? action.target() : stage;
            }
            expected.put(candidate.leadId(), stage);
            submitted.put(candidate, pending);
        }
        submitted.forEach((candidate, pending) -> {
            List<Transition> moves = new ArrayList<>();
            ActionOutcome last = null;
            for (CompletionStage<ActionOutcome> stage : pending) {
                last = stage.toCompletableFuture().join();
                if (last instanceof ActionOutcome.Applied applied) {
                    moves.add(applied.transition());
                }
            }
            if (!moves.isEmpty()) {
                changes.put(candidate, new OutcomeResult.Moved(moves));
            } else if (last instanceof ActionOutcome.Refused refused) {
                changes.put(candidate, new OutcomeResult.Unchanged(
                        refused.lead().stage() == candidate.update().status().stage()
                                ? "the lead is already " + refused.lead().stage().wireName()
                                : refused.reason()));
            } else {
                results[candidate.index()] = new OutcomeResult.UnknownLead(candidate.update().lead().kind());
            }
        });
        return changes;
    }

    /** The sales actions an update stands for, given the stage its lead is in. */
    private static List<SalesAction> plan(OutcomeUpdate update, Stage stage) {
        return switch (update.status()) {
            case SQL -> update.bant().<List<SalesAction>>map(bant -> List.of(new SalesAction.Accept(bant)))
                    .orElse(List.of());
            case OPPORTUNITY -> List.of(new SalesAction.ConvertToOpportunity(update.amount()));
            case WON -> stage == Stage.SQL
                    ? List.of(new SalesAction.ConvertToOpportunity(update.amount()),
                            new SalesAction.Won(update.amount()))
                    : List.of(new SalesAction.Won(update.amount()));
            case LOST -> List.of(new SalesAction.Lost(Optional.empty()));
        };
    }

    private static Outcome outcome(Candidate candidate, OutcomeSource source, Actor actor, Instant now) {
        OutcomeUpdate update = candidate.update();
        return new Outcome(candidate.leadId(), update.status(), update.at(), update.amount(), update.crmId(), source,
                actor, now);
    }
}
