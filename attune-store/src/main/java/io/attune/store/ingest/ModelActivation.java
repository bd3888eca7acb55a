package io.attune.store.ingest;

import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditRecord;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.RescoreLead;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Actor;
import io.attune.core.lifecycle.Transition;
import io.attune.core.model.ModelApproval;
import io.attune.core.model.ModelCatalog;
import io.attune.core.model.ModelChange;
import io.attune.core.model.ModelDecision;
import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelStatus;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ModelVersions.ChangeOutcome;
import io.attune.core.model.ModelVersions.Changed;
import io.attune.core.model.ModelVersions.Refused;
import io.attune.core.model.ModelVersions.Unknown;
import io.attune.core.model.ScoringModel;
import io.attune.core.model.Segment;
import io.attune.core.model.StoredModel;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.WorkspaceSettings;
import io.attune.store.audit.JdbcAuditLog;
import io.attune.store.db.Database;
import io.attune.store.model.ModelRows;
import io.attune.store.threads.DaemonThreads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Makes a version its segment's active model inside the writer's transaction: the previous active
 * version is retired, every lead of the segment is re-scored under the new one ({@link RescoreLead}),
 * and both changes go to the audit log. Leads are re-scored in chunks, each through a book of its own
 * whose writes reach the cache at once, so that later chunks see the accounts earlier ones rolled
 * up (leads only replace those the cache holds); the writer forgets that cache if the transaction
 * rolls back.
 *
 * <p>Replaying a lead's history is most of the work and needs nothing from the book once the lead
 * is read ({@link RescoreLead.Pending}), so replays run on threads of their own while the writer's
 * thread reads the next leads and writes the finished ones, in lead order: the result is the same
 * as re-scoring the leads one by one, whichever replay ends first. The writer's thread reads leads'
 * states sealed; the replaying threads read the leads' events on connections of their own
 * ({@link HistoryReader}), open and decode states and events, and encode and seal the re-scored
 * states the writer's thread then writes.
 */
final class ModelActivation {
    private static final int CHUNK = 5_000;
    private static final int READ_AHEAD = 500;
    /** Leads replayed as one task: handing the threads a lead at a time cost a wake-up per lead. */
    private static final int BATCH = 25;

    /** What follows a lead's moves in the same transaction (SLA timers, hand-offs). */
    interface Moves {
        void after(JdbcLeadBook book, LeadState lead, List<Transition> moves) throws SQLException;
    }

    private final Database database;
    private final ModelRegistry models;
    private final LeadScoring scoring;
    private final int threads;

    /**
     * @param database where the replaying threads read leads' events, beside the writer's transaction
     * @param threads how many threads replay leads while the writer's thread reads and writes
     */
    ModelActivation(Database database, ModelRegistry models, LeadScoring scoring, int threads) {
        this.database = database;
        this.models = models;
        this.scoring = scoring;
        this.threads = threads;
    }

    ChangeOutcome activate(Connection connection, WorkspaceId workspace, ModelVersion version, Principal caller,
            Instant at, WorkspaceSettings settings, DataDictionary dictionary, Supplier<JdbcLeadBook> books,
            Moves moves) throws SQLException {
        Optional<ModelRows.Row> row = ModelRows.row(connection, workspace, version);
        if (row.isEmpty()) {
            return new Unknown();
        }
        Actor actor = new Actor.ApiKey(caller.keyId());
        ModelDecision decision = ModelApproval.decide(row.get().status(), row.get().review(), ModelChange.ACTIVATE,
                caller.role(), actor.describe());
        if (decision instanceof ModelDecision.Refused refused) {
            return new Refused(refused);
        }
        Segment segment = row.get().segment();
        Optional<ModelVersion> previous = ModelRows.active(connection, workspace, segment);
        ScoringModel model = models.model(workspace, version).orElseThrow().model();
        List<AuditRecord> audit = new ArrayList<>();
        if (previous.isPresent()) {
            ModelRows.Row replaced = ModelRows.row(connection, workspace, previous.get()).orElseThrow();
            ModelRows.update(connection, workspace, previous.get(), ModelStatus.RETIRED, replaced.review());
            audit.add(ModelRows.audited(workspace, at, actor, ModelChange.RETIRE, previous.get(), ModelStatus.ACTIVE,
                    ModelStatus.RETIRED, AuditDetails.of("replacedBy", version.toString())));
        }
        ModelRows.update(connection, workspace, version, ModelStatus.ACTIVE, row.get().review());
        long rescored = rescore(connection, workspace, segment, activated(models.catalog(workspace), model), at,
                settings, dictionary, books, moves);
        AuditDetails details = AuditDetails.of("rescored", Long.toString(rescored));
        audit.add(ModelRows.audited(workspace, at, actor, ModelChange.ACTIVATE, version, row.get().status(),
                ModelStatus.ACTIVE, previous.map(p -> details.and("replaced", p.toString())).orElse(details)));
        JdbcAuditLog.appendIn(connection, audit);
        // the registry still holds the version as it was before this transaction
        StoredModel stored = models.model(workspace, version).orElseThrow();
        return new Changed(new StoredModel(stored.model(), stored.source(), ModelStatus.ACTIVE.wireName(),
                stored.createdAt(), stored.review()), row.get().status(), rescored);
    }

    private long rescore(Connection connection, WorkspaceId workspace, Segment segment, ModelCatalog catalog,
            Instant at, WorkspaceSettings settings, DataDictionary dictionary, Supplier<JdbcLeadBook> books,
            Moves moves) throws SQLException {
        ExecutorService replayers = Executors.newFixedThreadPool(threads, new DaemonThreads("attune-rescore"));
        HistoryReader histories = new HistoryReader(database, workspace, BATCH);
        try {
            long rescored = 0;
            String after = "";
            while (true) {
                List<LeadId> chunk = leads(connection, workspace, segment, after);
                if (chunk.isEmpty()) {
                    return rescored;
                }
                try (JdbcLeadBook book = books.get()) {
                    RescoreLead rescore = new RescoreLead(workspace, catalog, book, scoring, settings.lifecycle(),
                            settings.privacy().scoringGate(), dictionary);
                    rescored += rescore(chunk, book, histories, rescore, replayers, at, moves);
                    book.flush();
                    book.publishRemembered();
                }
                after = chunk.get(chunk.size() - 1).value();
            }
        } finally {
            replayers.shutdownNow();
        }
    }

    /** Re-scores one chunk a read-ahead window at a time; a window replays while the one before is written. */
    private static int rescore(List<LeadId> chunk, JdbcLeadBook book, HistoryReader histories, RescoreLead rescore,
            ExecutorService replayers, Instant at, Moves moves) throws SQLException {
        int rescored = 0;
        List<CompletableFuture<List<Sealed>>> replaying = List.of();
        for (int from = 0; from < chunk.size(); from += READ_AHEAD) {
            List<LeadId> window = chunk.subList(from, Math.min(chunk.size(), from + READ_AHEAD));
            book.readAhead(window, histories);
            List<RescoreLead.Pending> read = new ArrayList<>(window.size());
            for (LeadId id : window) {
                rescore.read(id).ifPresent(read::add);
            }
            List<CompletableFuture<List<Sealed>>> next = new ArrayList<>();
            for (int batch = 0; batch < read.size(); batch += BATCH) {
                List<RescoreLead.Pending> leads = read.subList(batch, Math.min(read.size(), batch + BATCH));
                next.add(CompletableFuture.supplyAsync(() -> replayed(leads, book, rescore, at), replayers));
            }
            rescored += apply(replaying, rescore, book, moves);
            replaying = next;
        }
        return rescored + apply(replaying, rescore, book, moves);
    }

    /** Replays a batch of leads and seals the states they end in; touches the book only to seal. */
    private static List<Sealed> replayed(List<RescoreLead.Pending> leads, JdbcLeadBook book, RescoreLead rescore,
            Instant at) {
        List<Sealed> sealed = new ArrayList<>(leads.size());
        for (RescoreLead.Pending pending : leads) {
            RescoreLead.Replayed replayed = rescore.replay(pending, at);
            sealed.add(new Sealed(replayed, book.sealed(replayed.lead())));
        }
        return sealed;
    }

    /** A replay and the state it ends in, sealed as the book writes it. */
    private record Sealed(RescoreLead.Replayed replayed, String state) {
    }

    /** Writes the replays in the order the leads were read, whichever finished first. */
    private static int apply(List<CompletableFuture<List<Sealed>>> replaying, RescoreLead rescore, JdbcLeadBook book,
            Moves moves) throws SQLException {
        int applied = 0;
        for (CompletableFuture<List<Sealed>> batch : replaying) {
            for (Sealed replay : joined(batch)) {
                book.sealed(replay.replayed().lead(), replay.state());
                RescoreLead.Rescored done = rescore.apply(replay.replayed());
                if (!done.transitions().isEmpty()) {
                    moves.after(book, done.lead(), done.transitions());
                }
                applied++;
            }
        }
        return applied;
    }

    private static List<Sealed> joined(CompletableFuture<List<Sealed>> replay) {
        try {
            return replay.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error cause) {
                throw cause;
            }
            throw failed;
        }
    }

    private static List<LeadId> leads(Connection connection, WorkspaceId workspace, Segment segment, String after)
            throws SQLException {
        List<LeadId> leads = new ArrayList<>(CHUNK);
        try (PreparedStatement select = connection.prepareStatement("SELECT lead_id FROM leads WHERE workspace_id = ? "
                + "AND segment = ? AND lead_id > ? ORDER BY lead_id LIMIT " + CHUNK)) {
            select.setString(1, workspace.value());
            select.setString(2, segment.wireName());
            select.setString(3, after);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    leads.add(new LeadId(rows.getString(1)));
                }
            }
        }
        return leads;
    }

    /** The workspace's catalog with {@code model} active for its segment, as the activation leaves it. */
    private static ModelCatalog activated(ModelCatalog before, ScoringModel model) {
        return new ModelCatalog() {
            @Override
            public ScoringModel active(Segment segment) {
                return segment == model.segment() ? model : before.active(segment);
            }

            @Override
            public Segment defaultSegment() {
                return before.defaultSegment();
            }
        };
    }
}
