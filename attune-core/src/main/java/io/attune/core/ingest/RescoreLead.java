package io.attune.core.ingest;

import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.Safeguards;
import io.attune.core.lead.ScoringGate;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.lifecycle.StageRules;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ScoringModel;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Re-scores one lead under the model its segment scores with in {@code catalog} (the catalog as an
 * activation leaves it): its history is replayed exactly as {@link RecordEvent} replays a lead whose
 * model changed, its account's roll-up takes the new engagement, and the moves the new score calls
 * for at {@code at} are made and recorded, with the new model version as their actor.
 */
public final class RescoreLead {
    private final ModelCatalog catalog;
    private final LeadBook book;
    private final LeadScoring scoring;
    private final LifecyclePolicy policy;
    private final ScoringGate gate;
    private final DataDictionary dictionary;
    private final AccountRollup accounts;

    /** @param dictionary the workspace's data dictionary as it is now: the re-scored lead is judged by it */
    public RescoreLead(WorkspaceId workspace, ModelCatalog catalog, LeadBook book, LeadScoring scoring,
            LifecyclePolicy policy, ScoringGate gate, DataDictionary dictionary) {
        this.catalog = catalog;
        this.dictionary = dictionary;
        this.book = book;
        this.scoring = scoring;
        this.policy = policy;
        this.gate = gate;
        this.accounts = new AccountRollup(workspace, catalog, book);
    }

    /** The lead re-scored and the moves it made; empty if no lead lives under this id. */
    public record Rescored(LeadState lead, List<Transition> transitions) {
    }

    public Optional<Rescored> rescore(LeadId id, Instant at) {
        Optional<LeadState> found = book.lead(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LeadState lead = found.get();
        ScoringModel model = catalog.active(lead.segment());
        accounts.detach(lead);
        LeadScoring.Replay replay = scoring.replay(model, lead, book.history(id), accounts.facts(lead.account()),
                new Safeguards(gate, dictionary, () -> book.consents(id),
                        Optional.of(gate.jurisdiction(lead.traits(), lead.privacy()))));
        LeadState rescored = replay.lead();
        List<Transition> moves = StageRules.next(model, rescored, at, policy);
        if (!moves.isEmpty()) {
            rescored = rescored.withStage(moves.get(moves.size() - 1).to());
        }
        moves.forEach(book::record);
        book.save(rescored);
        accounts.attach(rescored, false, at).ifPresent(book::record);
        return Optional.of(new Rescored(rescored, moves));
    }
}
