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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link LeadBook} held in memory: for offline scoring ({@code attune score}), benchmarks and
 * tests. Not thread-safe; one book per workspace.
 */
public final class InMemoryLeadBook implements LeadBook {
    private final Set<MessageId> recorded = new HashSet<>();
    private final Map<Identity, LeadId> identities = new HashMap<>();
    private final Map<LeadId, List<Identity>> identitiesByLead = new HashMap<>();
    private final Map<LeadId, LeadState> leads = new LinkedHashMap<>();
    private final Map<LeadId, LeadId> mergedInto = new HashMap<>();
    private final Map<LeadId, List<Logged>> histories = new HashMap<>();
    private final Map<AccountId, AccountState> accounts = new LinkedHashMap<>();
    /** Domain → account, preferring an account made by a group call to one made from an email domain. */
    private final Map<String, AccountId> domains = new HashMap<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final List<AccountTransition> accountTransitions = new ArrayList<>();
    private final List<LeadAction> actions = new ArrayList<>();
    private final List<LoggedConsent> consents = new ArrayList<>();
    private long sequence;
    private final boolean keepHistory;

    /** A book that keeps every event, so merges and segment changes can replay them. */
    public InMemoryLeadBook() {
        this(true);
    }

    /**
     * @param keepHistory false to keep no event history (a benchmark of scoring alone); merges and
     *     segment changes then replay nothing
     */
    public InMemoryLeadBook(boolean keepHistory) {
        this.keepHistory = keepHistory;
    }

    @Override
    public boolean recorded(MessageId message) {
        return recorded.contains(message);
    }

    @Override
    public Optional<LeadId> leadOf(Identity identity) {
        return Optional.ofNullable(identities.get(identity));
    }

    @Override
    public List<Identity> identitiesOf(LeadId lead) {
        return identitiesByLead.getOrDefault(lead, List.of());
    }

    @Override
    public void link(Identity identity, LeadId lead) {
        LeadId previous = identities.put(identity, lead);
        if (previous != null) {
            identitiesByLead.getOrDefault(previous, new ArrayList<>()).remove(identity);
        }
        identitiesByLead.computeIfAbsent(lead, id -> new ArrayList<>()).add(identity);
    }

    @Override
    public Optional<LeadState> lead(LeadId lead) {
        return Optional.ofNullable(leads.get(lead));
    }

    @Override
    public boolean exists(LeadId lead) {
        return leads.containsKey(lead) || mergedInto.containsKey(lead);
    }

    @Override
    public void save(LeadState lead) {
        leads.put(lead.id(), lead);
    }

    @Override
    public void merge(LeadId from, LeadId into) {
        for (Identity identity : List.copyOf(identitiesOf(from))) {
            link(identity, into);
        }
        List<Logged> moved = histories.remove(from);
        if (moved != null) {
            List<Logged> combined = new ArrayList<>(histories.getOrDefault(into, List.of()));
            combined.addAll(moved);
            combined.sort(java.util.Comparator.comparingLong(Logged::sequence));
            histories.put(into, combined);
        }
        leads.remove(from);
        mergedInto.put(from, into);
    }

    @Override
    public Optional<LeadId> survivorOf(LeadId lead) {
        LeadId current = lead;
        while (mergedInto.containsKey(current)) {
            current = mergedInto.get(current);
        }
        return leads.containsKey(current) ? Optional.of(current) : Optional.empty();
    }

    @Override
    public void append(LeadAction action) {
        actions.add(action);
    }

    /** The sales actions logged, in order. */
    public List<LeadAction> actions() {
        return actions;
    }

    @Override
    public List<Event> history(LeadId lead) {
        return histories.getOrDefault(lead, List.of()).stream().map(Logged::event).toList();
    }

    @Override
    public void append(Event event, LeadId lead) {
        recorded.add(event.messageId());
        if (keepHistory) {
            histories.computeIfAbsent(lead, id -> new ArrayList<>()).add(new Logged(sequence++, event));
        }
    }

    @Override
    public Optional<AccountState> account(AccountId account) {
        return Optional.ofNullable(accounts.get(account));
    }

    @Override
    public Optional<AccountId> accountOfDomain(String domain) {
        return Optional.ofNullable(domains.get(domain));
    }

    @Override
    public void save(AccountState account) {
        accounts.put(account.id(), account);
        account.domain().ifPresent(domain -> domains.merge(domain, account.id(), (known, offered) ->
                accounts.get(known).groupId().isPresent() || account.groupId().isEmpty() ? known : offered));
    }

    @Override
    public void record(Transition transition) {
        transitions.add(transition);
    }

    @Override
    public void record(AccountTransition transition) {
        accountTransitions.add(transition);
    }

    @Override
    public void record(LeadId lead, ConsentRecord consent) {
        consents.add(new LoggedConsent(lead, consent));
    }

    @Override
    public ConsentLedger consents(LeadId lead) {
        List<ConsentRecord> ledger = new ArrayList<>();
        for (LoggedConsent logged : consents) {
            LeadId owner = logged.lead();
            while (!owner.equals(lead) && mergedInto.containsKey(owner)) {
                owner = mergedInto.get(owner);
            }
            if (owner.equals(lead)) {
                ledger.add(logged.consent());
            }
        }
        return new ConsentLedger(ledger);
    }

    /** A consent change and the lead it was recorded for. */
    private record LoggedConsent(LeadId lead, ConsentRecord consent) {
    }

    /** An event and its place in the order of recording. */
    private record Logged(long sequence, Event event) {
    }

    public Collection<LeadState> leads() {
        return leads.values();
    }

    public Collection<AccountState> accounts() {
        return accounts.values();
    }

    public List<Transition> transitions() {
        return transitions;
    }

    public List<AccountTransition> accountTransitions() {
        return accountTransitions;
    }
}
