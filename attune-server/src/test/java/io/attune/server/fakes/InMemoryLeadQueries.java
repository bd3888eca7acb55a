package io.attune.server.fakes;

import io.attune.core.account.AccountId;
import io.attune.core.account.AccountState;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.event.Event;
import io.attune.core.identity.Identity;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.InMemoryLeadBook;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ModelRegistry;
import io.attune.core.query.LeadFilter;
import io.attune.core.query.LeadQueries;
import io.attune.core.query.Page;
import io.attune.core.scoring.Qualification;
import io.attune.core.sla.SlaTimer;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@link LeadQueries} over the {@link InMemoryLeadBook}s that recording filled, one per workspace.
 * What it assumes of the port, and so what a JDBC implementation must match:
 * <ul>
 *   <li>a workspace sees only its own leads and accounts; other ids are simply absent;
 *   <li>{@code lead} finds live leads only; a merged-away id is absent there and {@code survivorOf}
 *       follows merges to the current survivor (itself for a live lead, empty for an unknown id);
 *   <li>{@code leads} and {@code accounts} order by id; {@code next} is present only when more items
 *       follow; a cursor the store did not issue throws IllegalArgumentException;
 *   <li>score bounds compare fit + engagement decayed to {@code now} (engagement never below zero)
 *       + the model's learned term,
 *       inclusively; {@code updatedSince} is inclusive on the lead's {@code updatedAt};
 *   <li>{@code transitions} lists the lead's own and those of leads merged into it, in recording order;
 *   <li>{@code contacts} are the live leads attached to the account, by id;
 *   <li>{@code slaTimers} are the lead's own, latest qualification first; {@code breaches} are breached
 *       timers, latest breach first (then lead id and qualification, descending).
 * </ul>
 */
public final class InMemoryLeadQueries implements LeadQueries {
    private final ModelRegistry models;
    private final Map<WorkspaceId, Tenant> tenants = new ConcurrentHashMap<>();
    private final Map<WorkspaceId, List<SlaTimer>> timers = new ConcurrentHashMap<>();

    public InMemoryLeadQueries(ModelRegistry models) {
        this.models = models;
    }

    void register(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
    }

    @Override
    public Optional<LeadState> lead(WorkspaceId workspace, LeadId lead) {
        return book(workspace).flatMap(book -> book.lead(lead));
    }

    @Override
    public Optional<LeadState> leadByIdentity(WorkspaceId workspace, Identity identity) {
        return book(workspace).flatMap(book -> book.leadOf(identity).flatMap(book::lead));
    }

    @Override
    public Optional<LeadId> survivorOf(WorkspaceId workspace, LeadId lead) {
        Tenant tenant = tenants.get(workspace);
        if (tenant == null) {
            return Optional.empty();
        }
        LeadId current = lead;
        while (tenant.mergedInto().containsKey(current)) {
            current = tenant.mergedInto().get(current);
        }
        return tenant.book().lead(current).map(LeadState::id);
    }

    @Override
    public Page<LeadState> leads(WorkspaceId workspace, LeadFilter filter, Optional<String> cursor, int limit,
            Instant now) {
        Optional<String> after = KeysetCursor.lastId(cursor);
        List<LeadState> all = book(workspace).map(book -> new ArrayList<>(book.leads())).orElseGet(ArrayList::new);
        return page(all, lead -> lead.id().value(), matches(workspace, filter, now), after, limit);
    }

    private Predicate<LeadState> matches(WorkspaceId workspace, LeadFilter filter, Instant now) {
        return lead -> {
            double total = Qualification.listedScore(models.model(workspace, lead.model()).orElseThrow().model(),
                    lead, now);
            return filter.stage().map(stage -> lead.stage() == stage).orElse(true)
                    && filter.segment().map(segment -> lead.segment() == segment).orElse(true)
                    && (filter.minScore().isEmpty() || total >= filter.minScore().getAsDouble())
                    && (filter.maxScore().isEmpty() || total <= filter.maxScore().getAsDouble())
                    && filter.updatedSince().map(since -> !lead.updatedAt().isBefore(since)).orElse(true)
                    && filter.accountId().map(account -> lead.account().map(AccountId::value)
                            .filter(account::equals).isPresent()).orElse(true);
        };
    }

    @Override
    public List<Identity> identities(WorkspaceId workspace, LeadId lead) {
        return book(workspace).map(book -> List.copyOf(book.identitiesOf(lead))).orElse(List.of());
    }

    @Override
    public List<Transition> transitions(WorkspaceId workspace, LeadId lead) {
        return book(workspace).map(book -> book.transitions().stream()
                .filter(transition -> survivorOf(workspace, transition.lead()).filter(lead::equals).isPresent())
                .toList()).orElse(List.of());
    }

    @Override
    public ConsentLedger consents(WorkspaceId workspace, LeadId lead) {
        return book(workspace).map(book -> book.consents(lead)).orElse(ConsentLedger.EMPTY);
    }

    @Override
    public List<Event> history(WorkspaceId workspace, LeadId lead) {
        return book(workspace).map(book -> book.history(lead)).orElse(List.of());
    }

    @Override
    public Optional<AccountState> account(WorkspaceId workspace, AccountId account) {
        return book(workspace).flatMap(book -> book.account(account));
    }

    @Override
    public Page<AccountState> accounts(WorkspaceId workspace, Optional<Boolean> mqa, Optional<String> cursor,
            int limit) {
        Optional<String> after = KeysetCursor.lastId(cursor);
        List<AccountState> all = book(workspace).map(book -> new ArrayList<>(book.accounts()))
                .orElseGet(ArrayList::new);
        return page(all, account -> account.id().value(),
                account -> mqa.map(wanted -> account.mqa() == wanted).orElse(true), after, limit);
    }

    @Override
    public List<LeadId> contacts(WorkspaceId workspace, AccountId account) {
        return book(workspace).map(book -> book.leads().stream()
                .filter(lead -> lead.account().filter(account::equals).isPresent())
                .map(LeadState::id).sorted().toList()).orElse(List.of());
    }

    /** Keeps an SLA timer as the writer would have written it; nothing in memory opens timers by itself. */
    public void addTimer(WorkspaceId workspace, SlaTimer timer) {
        timers.computeIfAbsent(workspace, id -> new CopyOnWriteArrayList<>()).add(timer);
    }

    @Override
    public List<SlaTimer> slaTimers(WorkspaceId workspace, LeadId lead) {
        return timers.getOrDefault(workspace, List.of()).stream().filter(timer -> timer.lead().equals(lead))
                .sorted(Comparator.comparing(SlaTimer::qualifiedAt).reversed()).toList();
    }

    @Override
    public Page<SlaTimer> breaches(WorkspaceId workspace, boolean overdueOnly, Optional<String> cursor, int limit) {
        Comparator<SlaTimer> newestFirst = Comparator.comparing((SlaTimer timer) -> timer.breachedAt().orElseThrow())
                .thenComparing(SlaTimer::lead).thenComparing(SlaTimer::qualifiedAt).reversed();
        List<SlaTimer> all = timers.getOrDefault(workspace, List.of()).stream()
                .filter(timer -> timer.status() == SlaTimer.Status.BREACHED)
                .filter(timer -> !overdueOnly || timer.overdue()).sorted(newestFirst).toList();
        int from = 0;
        if (cursor.isPresent()) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (breachKey(all.get(i)).equals(cursor.get())) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw new IllegalArgumentException("not a cursor this store issued");
            }
        }
        List<SlaTimer> items = all.subList(from, Math.min(all.size(), from + limit));
        Optional<String> next = from + limit < all.size() ? Optional.of(breachKey(items.get(items.size() - 1)))
                : Optional.empty();
        return new Page<>(items, next);
    }

    private static String breachKey(SlaTimer timer) {
        return timer.breachedAt().orElseThrow().toEpochMilli() + "/" + timer.lead().value() + "/"
                + timer.qualifiedAt().toEpochMilli();
    }

    private Optional<InMemoryLeadBook> book(WorkspaceId workspace) {
        return Optional.ofNullable(tenants.get(workspace)).map(Tenant::book);
    }

    private static <T> Page<T> page(List<T> all, Function<T, String> id, Predicate<T> wanted, Optional<String> after,
            int limit) {
        List<T> matching = all.stream()
                .filter(item -> after.map(last -> id.apply(item).compareTo(last) > 0).orElse(true))
                .filter(wanted)
                .sorted(Comparator.comparing(id))
                .toList();
        List<T> items = matching.subList(0, Math.min(limit, matching.size()));
        Optional<String> next = matching.size() > limit
                ? Optional.of(KeysetCursor.after(id.apply(items.get(items.size() - 1)))) : Optional.empty();
        return new Page<>(items, next);
    }
}
