package io.attune.server.outcomes;

import io.attune.core.ingest.ActionIntake;
import io.attune.core.lifecycle.Actor;
import io.attune.core.outcome.LeadFinder;
import io.attune.core.outcome.OutcomeResult;
import io.attune.core.outcome.OutcomeUpdate;
import io.attune.core.outcome.Outcomes;
import io.attune.core.outcome.RecordOutcomes;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.outcomes.OutcomeViews.Answer;
import io.attune.server.outcomes.OutcomeViews.ItemResult;
import io.attune.server.outcomes.OutcomeViews.Summary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a request of CRM updates, as the endpoint and the CLI's direct import both do: reads it,
 * records the valid updates, and answers every update by its index.
 */
public final class OutcomeIntake {
    private final RecordOutcomes record;

    public OutcomeIntake(LeadFinder leads, Outcomes outcomes, ActionIntake actions) {
        this.record = new RecordOutcomes(leads, outcomes, actions);
    }

    /** Throws ProblemException (400) for a malformed body; otherwise answers every update. */
    public Answer receive(WorkspaceId workspace, byte[] body, Actor actor, Instant now) {
        OutcomeBodies.Request request = OutcomeBodies.read(body, now);
        List<OutcomeUpdate> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        ItemResult[] results = new ItemResult[request.items().size()];
        for (int i = 0; i < results.length; i++) {
            OutcomeBodies.Item item = request.items().get(i);
            if (item instanceof OutcomeBodies.Valid update) {
                valid.add(update.update());
                validIndexes.add(i);
            } else {
                results[i] = OutcomeViews.invalid(i, ((OutcomeBodies.Invalid) item).params());
            }
        }
        List<OutcomeResult> recorded = valid.isEmpty() ? List.of()
                : record.record(workspace, valid, request.source(), actor, now);
        for (int i = 0; i < recorded.size(); i++) {
            results[validIndexes.get(i)] = OutcomeViews.result(validIndexes.get(i), recorded.get(i));
        }
        return new Answer(List.of(results), summary(results));
    }

    private static Summary summary(ItemResult[] results) {
        int stored = 0;
        int duplicates = 0;
        int unknown = 0;
        int invalid = 0;
        int moved = 0;
        for (ItemResult result : results) {
            switch (result.result()) {
                case "stored" -> {
                    stored++;
                    moved += result.stage().moved() ? 1 : 0;
                }
                case "duplicate" -> duplicates++;
                case "unknown_lead" -> unknown++;
                default -> invalid++;
            }
        }
        return new Summary(results.length, stored, duplicates, unknown, invalid, moved);
    }
}
