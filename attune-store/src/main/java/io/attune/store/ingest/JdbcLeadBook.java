package io.attune.store.ingest;

import io.attune.core.account.AccountId;
import io.attune.core.account.AccountState;
import io.attune.core.account.AccountTransition;
import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.event.Event;
import io.attune.core.event.MessageId;
import io.attune.core.handoff.OutboundMessage;
import io.attune.core.identity.Identity;
import io.attune.core.identity.IdentityKind;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.IdentitiesOf;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.ingest.LeadBook;
import io.attune.core.ingest.LeadReading;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.StoredModel;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.codec.AccountStateCodec;
import io.attune.store.codec.EventCodec;
import io.attune.store.codec.LeadStateCodec;
import io.attune.store.audit.JdbcAuditLog;
import io.attune.store.consent.ConsentRows;
import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.CellCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The {@link LeadBook} of one workspace within one database transaction. Reads go to what this
 * unit of work wrote, then the writer's cache, then the database; writes are buffered and sent as
 * JDBC batches by {@link #flush()}, and reach the cache only through {@link #publish()} after the
 * transaction commits.
 */
public final class JdbcLeadBook implements LeadBook, AutoCloseable {
    private static final int IN_CHUNK = 500;

    private final Connection connection;
    private final WorkspaceId workspace;
    private final WriterCache.Workspace cache;
    private final ModelRegistry models;
    private final CellCipher cipher;
    private final LongSupplier sequence;
    private final boolean appendToLog;

    private final Set<MessageId> known = new HashSet<>();
    /** The stored form of each expected event, by message id; the first of a duplicated id is the one recorded. */
    private final Map<MessageId, EncodedEvent> expected = new HashMap<>();
    private final Map<Identity, LeadId> links = new LinkedHashMap<>();
    /** {@code links} the other way round: what this unit of work linked to each lead, kept in step by {@link #relink}. */
    private final Map<LeadId, Set<Identity>> linkedTo = new HashMap<>();
    private final Map<LeadId, LeadState> leads = new LinkedHashMap<>();
    private final Map<LeadId, LeadId> merges = new LinkedHashMap<>();
    private final Map<AccountId, AccountState> accounts = new LinkedHashMap<>();
    private final List<Logged> events = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final List<AccountTransition> accountTransitions = new ArrayList<>();
    private final List<BookFlush.LoggedAction> actions = new ArrayList<>();
    private final List<BookFlush.Queued> outbox = new ArrayList<>();
    private final List<ConsentRows.Row> consents = new ArrayList<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** Identities the database did not hold when this unit of work began (the writer is the only one adding any). */
    private final Set<Identity> unlinked = new HashSet<>();
    /** Lead ids neither live nor merged away when this unit of work began. */
    private final Set<LeadId> unused = new HashSet<>();
    /** Domains looked up in the database in this unit of work, and the account each named. */
    private final Map<String, Optional<AccountId>> storedDomains = new HashMap<>();
    // leads about to be re-scored whose histories historyReader reads (none was merged into them), by lead id
    private final Set<String> historiesToRead = new HashSet<>();
    private HistoryReader historyReader;
    // states sealed off the writer's thread (sealed), each for the very state it was sealed from
    private final Map<LeadState, String> sealedStates = new IdentityHashMap<>();
    // states read ahead for re-scoring, still sealed, of leads neither this unit of work nor the cache held
    private final Map<String, StoredLead> sealedLeads = new HashMap<>();

    /**
     * @param sequence the next position in the event log; when rebuilding, the position of the event
     *     being replayed
     * @param appendToLog false when rebuilding: the events are already in the log, and history only
     *     reaches as far as the replay has
     */
    public JdbcLeadBook(Connection connection, WorkspaceId workspace, WriterCache cache, ModelRegistry models,
            CellCipher cipher, LongSupplier sequence, boolean appendToLog) {
        this.connection = connection;
        this.workspace = workspace;
        this.cache = cache.of(workspace);
        this.models = models;
        this.cipher = cipher;
        this.sequence = sequence;
        this.appendToLog = appendToLog;
    }

    /** An event logged in this unit of work. */
    private record Logged(long seq, LeadId lead, Event event, EncodedEvent stored) {
    }

    /**
     * Prepares for recording these events: finds, in a few queries per chunk rather than a few per
     * event, which messages the log already holds, which of their identities are linked and to which
     * leads, those leads' states, and which ids new leads would take are free.
     */
    void expect(Collection<EncodedEvent> incoming) throws SQLException {
        List<String> messageIds = new ArrayList<>(incoming.size());
        Map<IdentityKind, Set<String>> identities = new java.util.EnumMap<>(IdentityKind.class);
        for (EncodedEvent encoded : incoming) {
            IncomingEvent event = encoded.incoming();
            expected.putIfAbsent(event.event().messageId(), encoded);
            messageIds.add(event.event().messageId().value());
            for (Identity identity : IdentitiesOf.event(event.event())) {
                if (!links.containsKey(identity) && !cache.identities.containsKey(identity)
                        && !unlinked.contains(identity)) {
                    identities.computeIfAbsent(identity.kind(), kind -> new java.util.LinkedHashSet<>())
                            .add(identity.value());
                }
            }
        }
        forEachChunk(messageIds, chunk -> selectIn("SELECT message_id FROM events WHERE workspace_id = ? "
                + "AND message_id IN", List.of(workspace.value()), chunk, rows -> known.add(new MessageId(
                rows.getString(1)))));
        Set<LeadId> found = new HashSet<>();
        Set<Identity> absent = new HashSet<>();
        for (Map.Entry<IdentityKind, Set<String>> byKind : identities.entrySet()) {
            IdentityKind kind = byKind.getKey();
            Set<String> missing = new HashSet<>(byKind.getValue());
            forEachChunk(List.copyOf(byKind.getValue()), chunk -> selectIn("SELECT value, lead_id FROM identities "
                    + "WHERE workspace_id = ? AND kind = ? AND value IN", List.of(workspace.value(), kind.name()),
                    chunk, rows -> {
                        LeadId lead = new LeadId(rows.getString(2));
                        cache.identities.put(new Identity(kind, rows.getString(1)), lead);
                        missing.remove(rows.getString(1));
                        found.add(lead);
                    }));
            missing.forEach(value -> absent.add(new Identity(kind, value)));
        }
        unlinked.addAll(absent);
        prefetchLeads(found);
        prefetchFreeIds(absent);
    }

    private void prefetchLeads(Set<LeadId> found) throws SQLException {
        List<String> ids = new ArrayList<>();
        for (LeadId lead : found) {
            if (!leads.containsKey(lead) && !cache.leads.containsKey(lead)) {
                ids.add(lead.value());
            }
        }
        forEachChunk(ids, chunk -> selectIn("SELECT lead_id, state FROM leads WHERE workspace_id = ? AND lead_id IN",
                List.of(workspace.value()), chunk, rows -> cache.leads.put(new LeadId(rows.getString(1)),
                        decodeLead(rows.getString(1), rows.getString(2)))));
    }

    /** A new lead takes the id derived from its first identity; which of those ids are free is asked here at once. */
    private void prefetchFreeIds(Set<Identity> absent) throws SQLException {
        Set<String> candidates = new HashSet<>();
        for (Identity identity : absent) {
            candidates.add(LeadId.derivedFrom(workspace, identity).value());
        }
        Set<String> taken = new HashSet<>();
        List<String> ids = List.copyOf(candidates);
        forEachChunk(ids, chunk -> selectIn("SELECT lead_id FROM leads WHERE workspace_id = ? AND lead_id IN",
                List.of(workspace.value()), chunk, rows -> taken.add(rows.getString(1))));
        forEachChunk(ids, chunk -> selectIn("SELECT from_lead FROM lead_merges WHERE workspace_id = ? "
                + "AND from_lead IN", List.of(workspace.value()), chunk, rows -> taken.add(rows.getString(1))));
        // an erased id stays erased: a person who comes back is a new lead under a new id
        forEachChunk(ids, chunk -> selectIn("SELECT lead_id FROM subject_erasures WHERE workspace_id = ? "
                + "AND lead_id IN", List.of(workspace.value()), chunk, rows -> taken.add(rows.getString(1))));
        for (String id : candidates) {
            if (!taken.contains(id)) {
                unused.add(new LeadId(id));
            }
        }
    }

    @Override
    public boolean recorded(MessageId message) {
        return known.contains(message);
    }

    @Override
    public Optional<LeadId> leadOf(Identity identity) {
        LeadId lead = links.get(identity);
        if (lead == null) {
            lead = cache.identities.get(identity);
        }
        if (lead == null && !unlinked.contains(identity)) {
            lead = query("SELECT lead_id FROM identities WHERE workspace_id = ? AND kind = ? AND value = ?",
                    rows -> rows.next() ? new LeadId(rows.getString(1)) : null,
                    workspace.value(), identity.kind().name(), identity.value());
            if (lead != null) {
                cache.identities.put(identity, lead);
            }
        }
        return Optional.ofNullable(lead);
    }

    @Override
    public List<Identity> identitiesOf(LeadId lead) {
        List<Identity> stored = query("SELECT kind, value FROM identities WHERE workspace_id = ? AND lead_id = ?",
                rows -> {
                    List<Identity> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(new Identity(IdentityKind.valueOf(rows.getString(1)), rows.getString(2)));
                    }
                    return found;
                }, workspace.value(), lead.value());
        Set<Identity> current = new LinkedHashSet<>();
        for (Identity identity : stored) {
            LeadId relinked = links.get(identity);
            if (relinked == null || relinked.equals(lead)) {
                current.add(identity);
            }
        }
        current.addAll(linkedTo.getOrDefault(lead, Set.of()));
        return List.copyOf(current);
    }

    @Override
    public void link(Identity identity, LeadId lead) {
        relink(identity, lead);
    }

    private void relink(Identity identity, LeadId lead) {
        LeadId before = links.put(identity, lead);
        if (before != null && !before.equals(lead)) {
            linkedTo.get(before).remove(identity);
        }
        linkedTo.computeIfAbsent(lead, owner -> new LinkedHashSet<>()).add(identity);
    }

    @Override
    public Optional<LeadState> lead(LeadId lead) {
        LeadState state = leads.get(lead);
        if (state != null || merges.containsKey(lead)) {
            return Optional.ofNullable(state);
        }
        state = cache.leads.get(lead);
        if (state == null) {
            String json = query("SELECT state FROM leads WHERE workspace_id = ? AND lead_id = ?",
                    rows -> rows.next() ? rows.getString(1) : null, workspace.value(), lead.value());
            if (json == null) {
                return Optional.empty();
            }
            state = decodeLead(lead.value(), json);
            cache.leads.put(lead, state);
        }
        return Optional.of(state);
    }

    /**
     * A lead read ahead ({@link #readAhead}) is opened and decoded when its reading is read, on
     * whichever thread reads it, and is not put in the cache: a re-scoring saves it anyway.
     */
    @Override
    public Optional<LeadReading> leadReading(LeadId lead) {
        StoredLead stored = sealedLeads.remove(lead.value());
        if (stored == null || leads.containsKey(lead) || merges.containsKey(lead) || cache.leads.containsKey(lead)) {
            return LeadBook.super.leadReading(lead);
        }
        return Optional.of(new LeadReading(lead, stored.segment(), stored.account(),
                () -> decodeLead(lead.value(), stored.state())));
    }

    @Override
    public boolean exists(LeadId lead) {
        if (leads.containsKey(lead) || merges.containsKey(lead) || cache.leads.containsKey(lead)) {
            return true;
        }
        if (unused.contains(lead)) {
            return false;
        }
        return Boolean.TRUE.equals(query("SELECT 1 FROM leads WHERE workspace_id = ? AND lead_id = ? UNION ALL "
                + "SELECT 1 FROM lead_merges WHERE workspace_id = ? AND from_lead = ? UNION ALL "
                + "SELECT 1 FROM subject_erasures WHERE workspace_id = ? AND lead_id = ?", ResultSet::next,
                workspace.value(), lead.value(), workspace.value(), lead.value(), workspace.value(), lead.value()));
    }

    @Override
    public void save(LeadState lead) {
        leads.put(lead.id(), lead);
    }

    /**
     * The lead's state as {@link #flush} writes it, encoded and sealed; any thread may ask. Handed
     * back through {@link #sealed(LeadState, String)}, it spares the flush sealing the state itself.
     */
    String sealed(LeadState lead) {
        return BookFlush.seal(cipher, workspace, lead, model(lead.model()));
    }

    /** If this very state is saved, the flush writes this text, which {@link #sealed(LeadState)} gave for it. */
    void sealed(LeadState lead, String sealed) {
        sealedStates.put(lead, sealed);
    }

    @Override
    public void merge(LeadId from, LeadId into) {
        for (Identity identity : identitiesOf(from)) {
            relink(identity, into);
        }
        merges.replaceAll((source, target) -> target.equals(from) ? into : target);
        merges.put(from, into);
        leads.remove(from);
    }

    @Override
    public Optional<LeadId> survivorOf(LeadId lead) {
        LeadId current = lead;
        if (merges.containsKey(current)) {
            current = merges.get(current);
        } else if (!leads.containsKey(current) && !cache.leads.containsKey(current)) {
            LeadId into = query("SELECT into_lead FROM lead_merges WHERE workspace_id = ? AND from_lead = ?",
                    rows -> rows.next() ? new LeadId(rows.getString(1)) : null, workspace.value(), current.value());
            if (into != null) {
                current = merges.getOrDefault(into, into);
            }
        }
        return lead(current).map(LeadState::id);
    }

    @Override
    public void append(LeadAction action) {
        actions.add(new BookFlush.LoggedAction(sequence.getAsLong(), action));
    }

    /** Puts a hand-off in the outbox, in this unit of work's transaction. */
    public void enqueue(OutboundMessage message) {
        outbox.add(new BookFlush.Queued(sequence.getAsLong(), message));
    }

    /**
     * Reads ahead the states of leads about to be re-scored, one query per few hundred leads instead
     * of one per lead, and notes which histories {@code histories} will read: a lead's events are read,
     * opened and decoded when its {@link #historyReading} is read, on whichever thread reads it, as its
     * state is when its {@link #leadReading} is. A lead that others were merged into is left to
     * {@link #history}'s own reading on this book's connection, which follows the merges.
     */
    public void readAhead(List<LeadId> upcoming, HistoryReader histories) throws SQLException {
        historiesToRead.clear();
        historyReader = histories;
        histories.startGroup();
        sealedLeads.clear();
        List<String> ids = upcoming.stream().map(LeadId::value).toList();
        List<String> unread = new ArrayList<>();
        for (LeadId lead : upcoming) {
            if (!leads.containsKey(lead) && !merges.containsKey(lead) && !cache.leads.containsKey(lead)) {
                unread.add(lead.value());
            }
        }
        forEachChunk(unread, chunk -> selectIn("SELECT lead_id, segment, account_id, state FROM leads "
                + "WHERE workspace_id = ? AND lead_id IN", List.of(workspace.value()), chunk, rows -> sealedLeads.put(
                rows.getString(1), new StoredLead(Segment.fromWireName(rows.getString(2)).orElseThrow(),
                        Optional.ofNullable(rows.getString(3)).map(AccountId::new), rows.getString(4)))));
        Set<String> mergedInto = new HashSet<>();
        forEachChunk(ids, chunk -> selectIn("SELECT into_lead FROM lead_merges WHERE workspace_id = ? AND into_lead IN",
                List.of(workspace.value()), chunk, rows -> mergedInto.add(rows.getString(1))));
        merges.values().forEach(into -> mergedInto.add(into.value()));
        for (String id : ids) {
            if (!mergedInto.contains(id)) {
                historiesToRead.add(id);
            }
        }
    }

    /** A lead's state as the leads table holds it, sealed, beside the columns that index it. */
    private record StoredLead(Segment segment, Optional<AccountId> account, String state) {
    }

    @Override
    public Supplier<List<Event>> historyReading(LeadId lead) {
        if (!appendToLog || merges.containsValue(lead) || !historiesToRead.remove(lead.value())) {
            return LeadBook.super.historyReading(lead);
        }
        List<Logged> loggedNow = events.stream().filter(event -> event.lead().equals(lead)).toList();
        Supplier<List<HistoryReader.Stored>> reading = historyReader.reading(lead);
        return () -> {
            List<HistoryReader.Stored> stored = reading.get();
            List<Logged> read = new ArrayList<>(stored.size() + loggedNow.size());
            for (HistoryReader.Stored event : stored) {
                read.add(new Logged(event.seq(), lead, EventCodec.decode(cipher.openUtf8(event.event(),
                        CellAddress.eventBody(workspace.value(), event.messageId()))), null));
            }
            read.addAll(loggedNow);
            read.sort(Comparator.comparingLong(Logged::seq));
            return read.stream().map(Logged::event).toList();
        };
    }

    @Override
    public List<Event> history(LeadId lead) {
        Set<LeadId> sources = sourcesOf(lead);
        List<Logged> found = new ArrayList<>();
        List<String> ids = sources.stream().map(LeadId::value).toList();
        // Rebuilding replays the log in order: history then reaches only as far as the replay.
        long horizon = appendToLog ? Long.MAX_VALUE : sequence.getAsLong();
        try {
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                PreparedStatement statement = statement("SELECT seq, event, message_id FROM events WHERE workspace_id = ? "
                        + "AND seq < ? AND lead_id IN (" + placeholders(chunk.size()) + ")");
                statement.setString(1, workspace.value());
                statement.setLong(2, horizon);
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setString(i + 3, chunk.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Logged(rows.getLong(1), null, EventCodec.decode(cipher.openUtf8(
                                rows.getString(2), CellAddress.eventBody(workspace.value(), rows.getString(3)))),
                                null));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreFailure("reading a lead's history failed", e);
        }
        if (appendToLog) {
            for (Logged event : events) {
                if (sources.contains(event.lead())) {
                    found.add(event);
                }
            }
        }
        found.sort(Comparator.comparingLong(Logged::seq));
        return found.stream().map(Logged::event).toList();
    }

    /** The lead and every lead folded into it, directly or through another merge. */
    private Set<LeadId> sourcesOf(LeadId lead) {
        Set<LeadId> sources = new HashSet<>();
        List<LeadId> frontier = new ArrayList<>(List.of(lead));
        while (!frontier.isEmpty()) {
            LeadId next = frontier.remove(frontier.size() - 1);
            if (!sources.add(next)) {
                continue;
            }
            frontier.addAll(query("SELECT from_lead FROM lead_merges WHERE workspace_id = ? AND into_lead = ?",
                    rows -> {
                        List<LeadId> from = new ArrayList<>();
                        while (rows.next()) {
                            from.add(new LeadId(rows.getString(1)));
                        }
                        return from;
                    }, workspace.value(), next.value()));
            merges.forEach((from, into) -> {
                if (into.equals(next)) {
                    frontier.add(from);
                }
            });
        }
        return sources;
    }

    @Override
    public void append(Event event, LeadId lead) {
        known.add(event.messageId());
        events.add(new Logged(sequence.getAsLong(), lead, event, expected.remove(event.messageId())));
    }

    @Override
    public Optional<AccountState> account(AccountId account) {
        AccountState state = accounts.get(account);
        if (state == null) {
            state = cache.accounts.get(account);
        }
        if (state == null) {
            String json = query("SELECT state FROM accounts WHERE workspace_id = ? AND account_id = ?",
                    rows -> rows.next() ? rows.getString(1) : null, workspace.value(), account.value());
            if (json == null) {
                return Optional.empty();
            }
            state = AccountStateCodec.decode(json);
            cache.accounts.put(account, state);
        }
        return Optional.of(state);
    }

    @Override
    public Optional<AccountId> accountOfDomain(String domain) {
        AccountId pendingDomainAccount = null;
        for (AccountState account : accounts.values()) {
            if (account.domain().filter(domain::equals).isPresent()) {
                if (account.groupId().isPresent()) {
                    return Optional.of(account.id());
                }
                pendingDomainAccount = account.id();
            }
        }
        AccountId stored = storedDomains.computeIfAbsent(domain, name -> Optional.ofNullable(query(
                "SELECT account_id FROM accounts WHERE workspace_id = ? AND domain = ? "
                        + "ORDER BY CASE WHEN group_id IS NULL THEN 1 ELSE 0 END, account_id",
                rows -> rows.next() ? new AccountId(rows.getString(1)) : null, workspace.value(), name))).orElse(null);
        if (stored != null && (pendingDomainAccount == null || account(stored).flatMap(AccountState::groupId)
                .isPresent())) {
            return Optional.of(stored);
        }
        return Optional.ofNullable(pendingDomainAccount);
    }

    @Override
    public void save(AccountState account) {
        accounts.put(account.id(), account);
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
        long position = consent.message().isPresent() ? positionOf(consent.message().get()) : sequence.getAsLong();
        int ordinal = (int) consents.stream().filter(row -> row.position() == position).count();
        consents.add(new ConsentRows.Row(position, ordinal, lead, consent));
    }

    @Override
    public ConsentLedger consents(LeadId lead) {
        Set<LeadId> sources = sourcesOf(lead);
        // Rebuilding replays the log in order: the ledger then reaches only as far as the replay.
        long horizon = appendToLog ? Long.MAX_VALUE : sequence.getAsLong();
        List<ConsentRows.Row> rows;
        try {
            rows = new ArrayList<>(ConsentRows.select(connection, cipher, workspace, sources, horizon));
        } catch (SQLException e) {
            throw new StoreFailure("reading a lead's consents failed", e);
        }
        for (ConsentRows.Row row : consents) {
            if (sources.contains(row.lead())) {
                rows.add(row);
            }
        }
        return new ConsentLedger(rows.stream().map(ConsentRows.Row::consent).toList());
    }

    /** Where the event with this message id was logged in this unit of work: consents carried by it go there too. */
    private long positionOf(MessageId message) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).event().messageId().equals(message)) {
                return events.get(i).seq();
            }
        }
        throw new IllegalStateException("a consent names a message this unit of work did not log");
    }

    /** Sends everything this unit of work wrote to the database, in batches, inside its transaction. */
    public void flush() throws SQLException {
        new BookFlush(connection, workspace, this::model, cipher, cache.leads::get, sealedStates::get).write(appendToLog ? eventsToLog() : List.of(),
                appendToLog ? actions : List.of(), links, leads.values(), merges, accounts.values(), transitions,
                accountTransitions, outbox);
        ConsentRows.insert(connection, cipher, workspace, consents);
        if (appendToLog && !consents.isEmpty()) {
            JdbcAuditLog.appendIn(connection, consents.stream().map(this::audited).toList());
        }
    }

    /**
     * A consent change as the audit log keeps it, in the transaction that records it: which purpose,
     * channel and recipient, granted or revoked, from where — never the disclosure text or evidence.
     */
    private AuditRecord audited(ConsentRows.Row row) {
        ConsentRecord consent = row.consent();
        AuditDetails details = AuditDetails.of("purpose", consent.purpose().wireName())
                .and("granted", String.valueOf(consent.granted()))
                .and("source", consent.source().wireName());
        if (consent.channel().isPresent()) {
            details = details.and("channel", consent.channel().get().wireName());
        }
        if (consent.recipient().isPresent()) {
            details = details.and("recipient", consent.recipient().get().name());
        }
        return AuditRecord.of(workspace, consent.recordedAt(), consent.actor(), AuditAction.CONSENT_CHANGED,
                AuditSubject.lead(row.lead()), details);
    }

    private List<BookFlush.LoggedEvent> eventsToLog() {
        List<BookFlush.LoggedEvent> logged = new ArrayList<>(events.size());
        for (Logged event : events) {
            String messageId = event.event().messageId().value();
            logged.add(new BookFlush.LoggedEvent(event.seq(), event.lead(), event.event(),
                    event.stored() != null ? event.stored().encoded() : cipher.seal(EventCodec.encode(event.event()),
                            CellAddress.eventBody(workspace.value(), messageId)),
                    event.stored() != null ? event.stored().extras()
                            : cipher.seal("{}", CellAddress.eventExtras(workspace.value(), messageId))));
        }
        return logged;
    }

    /** After commit: what this unit of work wrote becomes what the writer remembers. */
    public void publish() {
        cache.identities.putAll(links);
        merges.keySet().forEach(cache.leads::remove);
        cache.leads.putAll(leads);
        cache.accounts.putAll(accounts);
    }

    /**
     * As {@link #publish()}, but a lead's new state only replaces one the cache holds: an activation
     * saves every lead of a segment, which would push out the leads recording works with.
     */
    void publishRemembered() {
        cache.identities.putAll(links);
        merges.keySet().forEach(cache.leads::remove);
        leads.forEach(cache.leads::replace);
        cache.accounts.putAll(accounts);
    }

    /** The lead ids this unit of work changed (saved or merged away). */
    public Set<LeadId> touched() {
        Set<LeadId> touched = new HashSet<>(leads.keySet());
        touched.addAll(merges.keySet());
        return touched;
    }

    private LeadState decodeLead(String lead, String stored) {
        return LeadStateCodec.decode(cipher.open(stored, CellAddress.leadState(workspace.value(), lead)), this::model);
    }

    private ScoringModel model(ModelVersion version) {
        return models.model(workspace, version).map(StoredModel::model).orElseThrow(() ->
                new IllegalStateException("workspace " + workspace + " has no model " + version));
    }

    @FunctionalInterface
    interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, Rows<T> reader, Object... parameters) {
        try {
            PreparedStatement statement = statement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new StoreFailure("reading the lead book failed", e);
        }
    }

    /** Statements are prepared once per unit of work: a group prepares each few times instead of per event. */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rows) throws SQLException;
    }

    @FunctionalInterface
    private interface Chunk {
        void accept(List<String> chunk) throws SQLException;
    }

    private static void forEachChunk(List<String> values, Chunk action) throws SQLException {
        for (int from = 0; from < values.size(); from += IN_CHUNK) {
            action.accept(values.subList(from, Math.min(values.size(), from + IN_CHUNK)));
        }
    }

    /** Runs {@code prefix (?, ?, …)} with the fixed parameters first and one placeholder per value. */
    private void selectIn(String prefix, List<String> fixed, List<String> values, Row row) throws SQLException {
        PreparedStatement statement = statement(prefix + " (" + placeholders(values.size()) + ")");
        int index = 1;
        for (String value : fixed) {
            statement.setString(index++, value);
        }
        for (String value : values) {
            statement.setString(index++, value);
        }
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                row.accept(rows);
            }
        }
    }

    /** Closes the statements this unit of work prepared. */
    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // the connection goes back to the pool, which closes what is left open
            }
        }
        statements.clear();
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
