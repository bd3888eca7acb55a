package io.attune.store.ingest;

import io.attune.core.ingest.EventIntake;
import io.attune.core.ingest.IncomingEvent;
import io.attune.core.ingest.RecordEvent;
import io.attune.core.ingest.Recorded;
import io.attune.core.lead.LeadScoring;
import io.attune.core.model.ModelRegistry;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.db.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of events and projections. Submissions queue up; the writer thread takes as
 * many as fit in a group, records them all in one transaction and commits once (group commit),
 * then completes every submission of the group. A submission is only acknowledged after its
 * commit. If a group fails, its submissions are retried one by one so that one bad submission
 * cannot fail the others.
 */
public final class GroupCommitWriter implements EventIntake, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final Database database;
    private final ModelRegistry models;
    private final WriterSettings settings;
    private final LeadScoring scoring = new LeadScoring();
    private final WriterCache cache;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final AtomicLong sequence;
    private final Thread thread;
    private volatile boolean closing;

    private record Submission(WorkspaceId workspace, List<EncodedEvent> events,
            CompletableFuture<List<Recorded>> done) {
    }

    public GroupCommitWriter(Database database, ModelRegistry models, WriterSettings settings) {
        this.database = database;
        this.models = models;
        this.settings = settings;
        this.cache = new WriterCache(settings.leadCache());
        this.sequence = new AtomicLong(lastSequence(database));
        this.thread = new Thread(this::run, "attune-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private static long lastSequence(Database database) {
        try (Connection connection = database.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM events")) {
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
        queue.add(new Submission(workspace, EncodedEvent.encodeAll(events), done));
        return new Admitted(done);
    }

    /** Events waiting to be written. */
    public int queuedEvents() {
        return queuedEvents.get();
    }

    private void run() {
        while (!closing || !queue.isEmpty()) {
            List<Submission> group = nextGroup();
            if (group.isEmpty()) {
                continue;
            }
            try {
                write(group);
            } catch (SQLException | RuntimeException failure) {
                LOG.warn("a write group of {} submissions failed ({}); retrying them one by one",
                        group.size(), failure.getClass().getSimpleName());
                for (Submission submission : group) {
                    try {
                        write(List.of(submission));
                    } catch (SQLException | RuntimeException single) {
                        LOG.error("a submission of {} events could not be recorded", submission.events().size(),
                                single);
                        submission.done().completeExceptionally(single);
                    }
                }
            } finally {
                int written = group.stream().mapToInt(s -> s.events().size()).sum();
                queuedEvents.addAndGet(-written);
            }
        }
    }

    private List<Submission> nextGroup() {
        List<Submission> group = new ArrayList<>();
        try {
            Submission first = queue.poll(200, TimeUnit.MILLISECONDS);
            if (first == null) {
                return group;
            }
            group.add(first);
            int events = first.events().size();
            Submission next;
            while (events < settings.maxGroupEvents() && (next = queue.peek()) != null
                    && events + next.events().size() <= settings.maxGroupEvents()) {
                group.add(queue.poll());
                events += next.events().size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
        return group;
    }

    private void write(List<Submission> group) throws SQLException {
        Map<WorkspaceId, JdbcLeadBook> books = new LinkedHashMap<>();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                List<List<Recorded>> results = new ArrayList<>(group.size());
                for (Submission submission : group) {
                    JdbcLeadBook book = books.computeIfAbsent(submission.workspace(), workspace ->
                            new JdbcLeadBook(connection, workspace, cache, models, sequence::incrementAndGet, true));
                    book.expect(submission.events());
                    RecordEvent record = new RecordEvent(submission.workspace(), models.catalog(submission.workspace()),
                            book, scoring);
                    List<Recorded> recorded = new ArrayList<>(submission.events().size());
                    for (EncodedEvent event : submission.events()) {
                        recorded.add(record.record(event.incoming().event()));
                    }
                    results.add(recorded);
                }
                for (JdbcLeadBook book : books.values()) {
                    book.flush();
                }
                connection.commit();
                books.values().forEach(JdbcLeadBook::publish);
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).done().complete(results.get(i));
                }
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            } finally {
                books.values().forEach(JdbcLeadBook::close);
            }
        }
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
    }
}
