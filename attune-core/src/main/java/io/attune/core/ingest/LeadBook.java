package io.attune.core.ingest;

import io.attune.core.account.AccountId;
import io.attune.core.account.AccountState;
import io.attune.core.account.AccountTransition;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.event.Event;
import io.attune.core.event.MessageId;
import io.attune.core.identity.Identity;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.Transition;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What recording events needs from storage, for one workspace, within one unit of work: the
 * event log, the identity graph, lead and account projections, and the transition history.
 * Adapters may buffer writes until the unit of work commits, but reads must see earlier writes.
 */
public interface LeadBook {
    /** Whether a message with this id was already recorded (in this unit of work or before). */
    boolean recorded(MessageId message);

    Optional<LeadId> leadOf(Identity identity);

    /** The identities linked to a lead. */
    List<Identity> identitiesOf(LeadId lead);

    void link(Identity identity, LeadId lead);

    Optional<LeadState> lead(LeadId lead);

    /**
     * The lead {@link #lead} reads, as a reading that may finish later, on another thread (as
     * {@link #historyReading}): an adapter may leave the costly part, opening and decoding a stored
     * state, to {@link LeadReading#state()}; by default the state is read now. Empty if no lead
     * lives under this id.
     */
    default Optional<LeadReading> leadReading(LeadId lead) {
        return lead(lead).map(LeadReading::of);
    }

    /** Whether any lead, current or merged away, has this id. */
    boolean exists(LeadId lead);

    void save(LeadState lead);

    /**
     * Folds {@code from} into {@code into}: its identities and events now belong to {@code into},
     * and its own state is gone (its id stays taken and resolves to {@code into}).
     */
    void merge(LeadId from, LeadId into);

    /** The lead an id names now: itself while it lives, the lead it was merged into otherwise. */
    Optional<LeadId> survivorOf(LeadId lead);

    /** Logs a sales action beside the events (its effects are saved and recorded separately). */
    void append(LeadAction action);

    /** The lead's recorded events (including those of leads merged into it) in recording order. */
    List<Event> history(LeadId lead);

    /**
     * The lead's {@link #history} as a reading that may run later, on another thread: what it needs
     * from this unit of work is taken now, and reading it touches the book no more. An adapter may
     * leave the costly part, decoding stored events, to the reading; by default the history is read now.
     */
    default Supplier<List<Event>> historyReading(LeadId lead) {
        List<Event> history = history(lead);
        return () -> history;
    }

    void append(Event event, LeadId lead);

    Optional<AccountState> account(AccountId account);

    Optional<AccountId> accountOfDomain(String domain);

    void save(AccountState account);

    void record(Transition transition);

    void record(AccountTransition transition);

    /**
     * Adds a consent change to a lead's ledger: one carried by the event just appended (its message
     * id names it) takes that event's place in the log; one entered through the API (no message id)
     * takes a place of its own.
     */
    void record(LeadId lead, ConsentRecord consent);

    /**
     * The lead's consent ledger as this unit of work leaves it so far: its entries and those of the
     * leads merged into it, in log order (when rebuilding, only as far as the replay has reached).
     */
    ConsentLedger consents(LeadId lead);
}
