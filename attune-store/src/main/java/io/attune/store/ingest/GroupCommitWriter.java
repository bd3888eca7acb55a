package io.attune.store.ingest;

import io.attune.core.account.AccountState;
import io.attune.core.consent.ConsentOutcome;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.erasure.Erasure;
import io.attune.core.erasure.ErasureIntake;
import io.attune.core.erasure.ErasureRequest;
import io.attune.core.handoff.Destination;
import io.attune.core.handoff.HandOffPlanner;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.ActionIntake;
import io.attune.core.ingest.ApplyLeadAction;
import io.attune.core.ingest.ConsentIntake;
import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.ingest.RecordConsent;
import io.attune.core.ingest.RecordEvent;
import io.attune.core.ingest.Recorded;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.ActionOutcome;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.Stage;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ModelVersions;
import io.attune.core.model.ScoringModel;
import io.attune.core.privacy.PrivacyClassifications;
import io.attune.core.sla.BreachIntake;
import io.attune.core.sla.SlaTimer;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.WorkspaceSettings;
import io.attune.core.workspace.Workspaces;
import io.attune.store.crypto.CellCipher;
import io.attune.store.db.CommitSync;
import io.attune.store.db.Database;
import io.attune.store.erasure.LeadErasure;
import io.attune.store.outbox.JdbcDestinations;
import io.attune.store.outbox.JdbcRoundRobin;
import io.attune.store.sla.SlaTimerWrites;
import io.attune.store.threads.DaemonThreads;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of events and projections. Submissions queue up; the writer thread takes as
 * many as fit in a group, records them all in one transaction and commits once (group commit),
 * then completes every submission of the group. A submission is only acknowledged once its commit
 * is on disk; on SQLite the commit returns before the sync, which another thread does while the
 * writer goes on ({@link CommitSync}, {@link DurableAcknowledger}). If a group fails, its submissions
 * are retried one by one so that one bad submission cannot fail the others.
 */
public final class GroupCommitWriter implements EventIntake, ActionIntake, BreachIntake, ConsentIntake,
        ErasureIntake, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final Database database;
    private final ModelRegistry models;
    private final WriterSettings settings;
    private final CellCipher cipher;
    private final LeadScoring scoring = new LeadScoring();
    private final JdbcDestinations destinations;
    private final Workspaces workspaces;
    private final PrivacyClassifications classifications;
    private final WriterCache cache;
    private final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final AtomicLong sequence;
    private final Thread thread;
    private final DurableAcknowledger acknowledger;
    /** The leads put in crisis hold by the group being written (writer thread only). */
    private final List<HeldOutreach.Held> held = new ArrayList<>();
    private volatile boolean closing;

    /**
     * What the writer is asked to do, for one workspace: record events, apply a sales action, settle an
     * SLA timer, record a consent, erase a person, activate a model. {@code done} completes after the commit.
     */
    private sealed interface Work permits Events, Action, Settle, Consent, Erase, Activate {
        WorkspaceId workspace();

        CompletableFuture<?> done();

        /** How much of a group this takes, in events: one, but for a batch of events. */
        default int size() {
            return 1;
        }

        default void fail(Throwable failure) {
            done().completeExceptionally(failure);
        }
    }

    private record Events(WorkspaceId workspace, List<EncodedEvent> events, CompletableFuture<List<Recorded>> done)
            implements Work {
        @Override
        public int size() {
            return events.size();
        }
    }

    private record Action(WorkspaceId workspace, LeadAction action, CompletableFuture<ActionOutcome> done)
            implements Work {
    }

    private record Settle(WorkspaceId workspace, SlaTimer timer, CompletableFuture<Optional<SlaTimer.Status>> done)
            implements Work {
    }

    private record Consent(WorkspaceId workspace, LeadId lead, ConsentRecord change,
            CompletableFuture<ConsentOutcome> done) implements Work {
    }

    /** An erasure is written in a transaction of its own (see {@link #nextGroup()}). */
    private record Erase(WorkspaceId workspace, ErasureRequest request, CompletableFuture<Erasure> done)
            implements Work {
    }

    /** A model activation re-scores a whole segment, in a transaction of its own; {@code committed} runs after it. */
    private record Activate(WorkspaceId workspace, ModelVersion version, Principal caller, Instant at,
            Runnable committed, CompletableFuture<ModelVersions.ChangeOutcome> done) implements Work {
    }

    public GroupCommitWriter(Database database, ModelRegistry models, JdbcDestinations destinations,
            Workspaces workspaces, PrivacyClassifications classifications, CellCipher cipher, WriterSettings settings) {
        this.database = database;
        this.classifications = classifications;
        this.cipher = cipher;
        this.models = models;
        this.destinations = destinations;
        this.workspaces = workspaces;
        this.settings = settings;
        this.cache = new WriterCache(settings.leadCache());
        this.sequence = new AtomicLong(lastSequence(database));
        this.acknowledger = new DurableAcknowledger(database.commitSync()::makeDurable);
        this.thread = new DaemonThreads("attune-writer").newThread(this::run);
        this.thread.start();
    }

    private static long lastSequence(Database database) {
        try (Connection connection = database.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM "
                     + "(SELECT seq FROM events UNION ALL SELECT seq FROM lead_actions UNION ALL SELECT seq FROM outbox "
                     + "UNION ALL SELECT position FROM consents) "
                     + "logged")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new StoreFailure("reading the end of the event log failed", e);
        }
    }

    @Override
    public Admission submit(WorkspaceId workspace, List<IncomingEvent> events) {
        if (closing) {
            return new Overloaded(settings.retryAfter());
        }
        int size = events.size();
        if (queuedEvents.addAndGet(size) > settings.queueCapacity() && size <= settings.queueCapacity()) {
            queuedEvents.addAndGet(-size);
            return new Overloaded(settings.retryAfter());
        }
        CompletableFuture<List<Recorded>> done = new CompletableFuture<>();
        queue.add(new Events(workspace, EncodedEvent.encodeAll(workspace, events, cipher), done));
        return new Admitted(done);
    }

    /** Sales actions are few and must not be lost to back-pressure: they always queue. */
    @Override
    public CompletionStage<ActionOutcome> submit(WorkspaceId workspace, LeadAction action) {
        CompletableFuture<ActionOutcome> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new IllegalStateException("the writer is closing"));
            return done;
        }
        queuedEvents.incrementAndGet();
        queue.add(new Action(workspace, action, done));
        return done;
    }

    /** Overdue timers are few and must be settled: they always queue. */
    @Override
    public CompletionStage<Optional<SlaTimer.Status>> settle(WorkspaceId workspace, SlaTimer timer) {
        CompletableFuture<Optional<SlaTimer.Status>> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new IllegalStateException("the writer is closing"));
            return done;
        }
        queuedEvents.incrementAndGet();
        queue.add(new Settle(workspace, timer, done));
        return done;
    }

    /** Consent changes entered through the API are few and must not be lost: they always queue. */
    @Override
    public CompletionStage<ConsentOutcome> submit(WorkspaceId workspace, LeadId lead, ConsentRecord change) {
        CompletableFuture<ConsentOutcome> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new IllegalStateException("the writer is closing"));
            return done;
        }
        queuedEvents.incrementAndGet();
        queue.add(new Consent(workspace, lead, change, done));
        return done;
    }

    /** Erasures are rare and must not be lost: they always queue. */
    @Override
    public CompletionStage<Erasure> erase(WorkspaceId workspace, ErasureRequest request) {
        CompletableFuture<Erasure> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new IllegalStateException("the writer is closing"));
            return done;
        }
        queuedEvents.incrementAndGet();
        queue.add(new Erase(workspace, request, done));
        return done;
    }

    /**
     * Makes a model version active and re-scores every lead of its segment in one transaction, between
     * two groups: readers see the segment wholly under the old version or wholly under the new one.
     * {@code committed} runs after the commit (the registry forgets its compiled catalog).
     */
    public CompletionStage<ModelVersions.ChangeOutcome> activate(WorkspaceId workspace, ModelVersion version,
            Principal caller, Instant at, Runnable committed) {
        CompletableFuture<ModelVersions.ChangeOutcome> done = new CompletableFuture<>();
        if (closing) {
            done.completeExceptionally(new IllegalStateException("the writer is closing"));
            return done;
        }
        queuedEvents.incrementAndGet();
        queue.add(new Activate(workspace, version, caller, at, committed, done));
        return done;
    }

    /** Events waiting to be written. */
    public int queuedEvents() {
        return queuedEvents.get();
    }

    private void run() {
        while (!closing || !queue.isEmpty()) {
            List<Work> group = nextGroup();
            if (group.isEmpty()) {
                continue;
            }
            try {
                write(group);
            } catch (SQLException | RuntimeException failure) {
                LOG.warn("a write group of {} submissions failed ({}); retrying them one by one",
                        group.size(), failure.getClass().getSimpleName());
                for (Work work : group) {
                    try {
                        write(List.of(work));
                    } catch (SQLException | RuntimeException single) {
                        // The class only: a message can quote stored values (a JSON parser's snippet).
                        LOG.error("a submission of {} events could not be recorded ({})", work.size(),
                                single.getClass().getSimpleName());
                        work.fail(single);
                    }
                }
            } finally {
                int written = group.stream().mapToInt(Work::size).sum();
                queuedEvents.addAndGet(-written);
            }
        }
    }

    private List<Work> nextGroup() {
        List<Work> group = new ArrayList<>();
        try {
            Work first = queue.poll(200, TimeUnit.MILLISECONDS);
            if (first == null) {
                return group;
            }
            group.add(first);
            int events = first.size();
            Work next;
            // An erasure deletes rows directly, which the buffered writes of a shared group could bring back.
            while (!(first instanceof Erase) && !(first instanceof Activate) && events < settings.maxGroupEvents()
                    && (next = queue.peek()) != null && !(next instanceof Erase) && !(next instanceof Activate)
                    && events + next.size() <= settings.maxGroupEvents()) {
                group.add(queue.poll());
                events += next.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
        return group;
    }

    private void write(List<Work> group) throws SQLException {
        if (group.get(0) instanceof Erase erase) {
            erase(erase);
            return;
        }
        if (group.get(0) instanceof Activate activate) {
            activate(activate);
            return;
        }
        CommitSync sync = database.commitSync();
        try (Connection connection = database.connection()) {
            sync.defer(connection);
            try {
                commit(connection, group, sync);
            } finally {
                database.restoreSync(connection);
            }
        }
    }

    /** Records a group in one transaction on {@code connection} and hands its completions to the acknowledger. */
    private void commit(Connection connection, List<Work> group, CommitSync sync) throws SQLException {
        Map<WorkspaceId, JdbcLeadBook> books = new LinkedHashMap<>();
        held.clear();
        database.beginWrite(connection);
        try {
            List<DurableAcknowledger.Completion> completions = new ArrayList<>(group.size());
            SlaTimerWrites timers = new SlaTimerWrites(connection);
            HandOffPlanner planner = new HandOffPlanner(new JdbcRoundRobin(connection));
            for (Work work : group) {
                JdbcLeadBook book = books.computeIfAbsent(work.workspace(), workspace ->
                        new JdbcLeadBook(connection, workspace, cache, models, cipher, sequence::incrementAndGet, true));
                completions.add(new DurableAcknowledger.Completion(perform(work, book, timers, planner), work::fail));
            }
            for (JdbcLeadBook book : books.values()) {
                book.flush();
            }
            HeldOutreach.suppress(connection, held);
            connection.commit();
            long commit = sync.committed();
            books.values().forEach(JdbcLeadBook::publish);
            acknowledger.acknowledge(commit, completions);
        } catch (SQLException | RuntimeException failure) {
            connection.rollback();
            throw failure;
        } finally {
            books.values().forEach(JdbcLeadBook::close);
        }
    }

    /**
     * Erases a person in a transaction of its own, then forgets every cached lead and identity: the
     * cache must not remember what is gone.
     */
    private void erase(Erase erase) throws SQLException {
        try (Connection connection = database.connection()) {
            database.beginWrite(connection);
            try {
                Erasure outcome = new LeadErasure(cipher).erase(connection, erase.workspace(), erase.request(),
                        sequence::incrementAndGet);
                connection.commit();
                cache.clear();
                erase.done().complete(outcome);
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            }
        }
    }

    /**
     * Activates a model version ({@link ModelActivation}); a refusal rolls back and changes nothing. The
     * activation's books publish to the cache as they go, so a failure forgets the cache.
     */
    private void activate(Activate activate) throws SQLException {
        WorkspaceId workspace = activate.workspace();
        WorkspaceSettings settings = workspaces.settings(workspace);
        try (Connection connection = database.connection()) {
            database.beginWrite(connection);
            try {
                SlaTimerWrites timers = new SlaTimerWrites(connection);
                HandOffPlanner planner = new HandOffPlanner(new JdbcRoundRobin(connection));
                ModelVersions.ChangeOutcome outcome = new ModelActivation(database, models, scoring,
                        this.settings.rescoreThreads()).activate(connection, workspace, activate.version(),
                        activate.caller(), activate.at(), settings, classifications.dataDictionary(workspace),
                        () -> new JdbcLeadBook(connection, workspace, cache, models, cipher, sequence::incrementAndGet, true),
                        (book, lead, moves) -> afterMoves(workspace, settings, book, timers, planner, lead, moves));
                if (outcome instanceof ModelVersions.Changed) {
                    connection.commit();
                    activate.committed().run();
                } else {
                    connection.rollback();
                }
                activate.done().complete(outcome);
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                cache.clear();
                throw failure;
            }
        }
    }

    /** Does one piece of work in the group's transaction; what it returns completes it after the commit. */
    private Runnable perform(Work work, JdbcLeadBook book, SlaTimerWrites timers, HandOffPlanner planner)
            throws SQLException {
        ModelCatalog catalog = models.catalog(work.workspace());
        WorkspaceSettings settings = workspaces.settings(work.workspace());
        if (work instanceof Action action) {
            ActionOutcome outcome = new ApplyLeadAction(catalog, book, settings.lifecycle()).apply(action.action());
            if (outcome instanceof ActionOutcome.Applied applied) {
                afterMoves(work.workspace(), settings, book, timers, planner, applied.lead(),
                        List.of(applied.transition()));
            }
            return () -> action.done().complete(outcome);
        }
        if (work instanceof Consent consent) {
            ConsentOutcome outcome = new RecordConsent(book, settings.privacy().scoringGate()).record(consent.lead(), consent.change());
            return () -> consent.done().complete(outcome);
        }
        if (work instanceof Settle settle) {
            Optional<SlaTimer.Status> settled = settle(settle, book, timers, planner);
            return () -> settle.done().complete(settled);
        }
        Events events = (Events) work;
        book.expect(events.events());
        RecordEvent record = new RecordEvent(events.workspace(), catalog, book, scoring, settings.lifecycle(),
                settings.privacy().scoringGate(), classifications.dataDictionary(events.workspace()));
        List<Recorded> recorded = new ArrayList<>(events.events().size());
        for (EncodedEvent event : events.events()) {
            Recorded result = record.record(event.incoming());
            if (result instanceof Recorded.Accepted accepted && !accepted.transitions().isEmpty()) {
                afterMoves(work.workspace(), settings, book, timers, planner,
                        book.lead(accepted.lead()).orElseThrow(), accepted.transitions());
            }
            recorded.add(result);
        }
        return () -> events.done().complete(recorded);
    }

    /**
     * What follows a lead's moves in the same transaction: its SLA timer opens when it becomes an
     * MQL and closes when it moves on, and its hand-offs are written to the outbox. A move into crisis
     * hold voids the timer and stops the lead's pending outreach ({@link HeldOutreach}).
     */
    private void afterMoves(WorkspaceId workspace, WorkspaceSettings settings, JdbcLeadBook book,
            SlaTimerWrites timers, HandOffPlanner planner, LeadState lead, List<Transition> moves)
            throws SQLException {
        for (Transition move : moves) {
            if (move.to() == Stage.CRISIS_HOLD) {
                // CRISIS-04: nothing more for sales or marketing, already queued or not
                timers.voidOpen(workspace, lead.id(), move.at());
                held.add(new HeldOutreach.Held(workspace, lead.id(), move.cause()));
                continue;
            }
            if (move.from() == Stage.CRISIS_HOLD) {
                // a cleared hold announces nothing and starts no SLA (HandOffPlanner plans nothing either)
                continue;
            }
            if (move.from() == Stage.MQL && move.to() != Stage.MQL) {
                timers.close(workspace, lead.id(), move.at());
            }
            if (move.to() == Stage.MQL) {
                timers.open(workspace, lead.id(), move.at(), settings.sla().dueAt(move.at()));
            }
        }
        List<Destination> targets = destinations.destinations(workspace);
        if (targets.isEmpty()) {
            return;
        }
        ScoringModel model = models.model(workspace, lead.model()).orElseThrow().model();
        Optional<AccountState> account = lead.account().flatMap(book::account);
        for (Transition move : moves) {
            planner.plan(workspace, targets, model, lead, account, move).forEach(book::enqueue);
        }
    }

    /**
     * An overdue timer: breached and escalated to the destinations that take {@code mql.sla_breached}
     * if its lead is still an MQL, void if the lead is gone (merged into another, whose own timer runs).
     */
    private Optional<SlaTimer.Status> settle(Settle settle, JdbcLeadBook book, SlaTimerWrites timers,
            HandOffPlanner planner) throws SQLException {
        SlaTimer timer = settle.timer();
        Optional<LeadState> lead = book.lead(timer.lead()).filter(state -> state.stage() == Stage.MQL);
        SlaTimer.Status status = lead.isPresent() ? SlaTimer.Status.BREACHED : SlaTimer.Status.VOID;
        if (!timers.settle(settle.workspace(), timer, status, lead.isPresent() ? Optional.empty()
                : Optional.of(timer.dueAt()))) {
            return Optional.empty();
        }
        if (lead.isPresent()) {
            List<Destination> targets = destinations.destinations(settle.workspace());
            ScoringModel model = models.model(settle.workspace(), lead.get().model()).orElseThrow().model();
            planner.planBreach(settle.workspace(), targets, model, lead.get(),
                    lead.get().account().flatMap(book::account), timer).forEach(book::enqueue);
        }
        return Optional.of(status);
    }

    /** Stops taking submissions, writes what is queued, and stops the writer thread. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        acknowledger.close();
    }
}
