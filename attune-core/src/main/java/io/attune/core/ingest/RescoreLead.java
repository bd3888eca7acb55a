package io.attune.core.ingest;

import io.attune.core.consent.ConsentLedger;
import io.attune.core.event.Event;
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
import io.attune.core.model.Segment;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Re-scores one lead under the model its segment scores with in {@code catalog} (the catalog as an
 * activation leaves it): its history is replayed exactly as {@link RecordEvent} replays a lead whose
 * model changed, its account's roll-up takes the new engagement, and the moves the new score calls
 * for at {@code at} are made and recorded, with the new model version as their actor.
 *
 * <p>{@link #rescore} does it in one go. A caller re-scoring many leads may split it instead:
 * {@link #read} takes from the book what a lead's replay needs, {@link #replay} touches no book and
 * may run on any thread, and {@link #apply} writes the result. Applying the leads in the order they
 * were read gives what re-scoring them one by one in that order gives, wherever the replays ran:
 * a lead's replay does not depend on any other lead's re-scoring (accounts' traits, which it reads,
 * stay as they are; only their roll-ups change, and those in {@link #apply}).
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

    /** A lead as read for re-scoring, with everything its replay needs from the book. */
    public static final class Pending {
        private final LeadReading lead;
        private final ScoringModel model;
        private final Supplier<List<Event>> history;
        private final Map<String, Object> account;
        private final Supplier<ConsentLedger> consents;

        private Pending(LeadReading lead, ScoringModel model, Supplier<List<Event>> history,
                Map<String, Object> account, Supplier<ConsentLedger> consents) {
            this.lead = lead;
            this.model = model;
            this.history = history;
            this.account = account;
            this.consents = consents;
        }
    }

    /** A lead's replay: the state it started from, the state it ends in and the moves that took it there. */
    public static final class Replayed {
        private final LeadState before;
        private final LeadState lead;
        private final List<Transition> moves;
        private final Instant at;

        private Replayed(LeadState before, LeadState lead, List<Transition> moves, Instant at) {
            this.before = before;
            this.lead = lead;
            this.moves = moves;
            this.at = at;
        }

        /** The lead as {@link #apply} saves it: this very state. */
        public LeadState lead() {
            return lead;
        }
    }

    public Optional<Rescored> rescore(LeadId id, Instant at) {
        return read(id).map(pending -> apply(replay(pending, at)));
    }

    /** Reads what re-scoring the lead needs; empty if no lead lives under this id. */
    public Optional<Pending> read(LeadId id) {
        Optional<LeadReading> found = book.leadReading(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LeadReading lead = found.get();
        ScoringModel model = catalog.active(lead.segment());
        // the gate and the rules read the ledger of a consumer only (Safeguards); read now, the replay needs no book
        Supplier<ConsentLedger> consents;
        if (model.segment() == Segment.CONSUMER) {
            ConsentLedger ledger = book.consents(id);
            consents = () -> ledger;
        } else {
            consents = () -> {
                throw new IllegalStateException("re-scoring read no consents for " + id + ", a "
                        + model.segment().wireName() + " lead, and its replay asked for them");
            };
        }
        return Optional.of(new Pending(lead, model, book.historyReading(id), accounts.facts(lead.account()),
                consents));
    }

    /**
     * The lead's history replayed under the new model, from its state as read, and the moves the new
     * score calls for at {@code at}; reads nothing from the book, so any thread may run it.
     */
    public Replayed replay(Pending pending, Instant at) {
        LeadState lead = pending.lead.state().get();
        if (!lead.id().equals(pending.lead.id()) || lead.segment() != pending.lead.segment()
                || !lead.account().equals(pending.lead.account())) {
            throw new IllegalStateException("lead " + pending.lead.id() + " was read as a "
                    + pending.lead.segment().wireName() + " lead of " + pending.lead.account()
                    + " but its state says otherwise");
        }
        Safeguards safeguards = new Safeguards(gate, dictionary, pending.consents,
                Optional.of(gate.jurisdiction(lead.traits(), lead.privacy())));
        LeadState rescored = scoring.replay(pending.model, lead, pending.history.get(), pending.account,
                safeguards).lead();
        List<Transition> moves = StageRules.next(pending.model, rescored, at, policy);
        if (!moves.isEmpty()) {
            rescored = rescored.withStage(moves.get(moves.size() - 1).to());
        }
        return new Replayed(lead, rescored, moves, at);
    }

    /** Writes a replay: the lead's account roll-up, its moves and its new state. */
    public Rescored apply(Replayed replayed) {
        accounts.detach(replayed.before);
        LeadState rescored = replayed.lead;
        List<Transition> moves = replayed.moves;
        moves.forEach(book::record);
        book.save(rescored);
        accounts.attach(rescored, false, replayed.at).ifPresent(book::record);
        return new Rescored(rescored, moves);
    }
}
