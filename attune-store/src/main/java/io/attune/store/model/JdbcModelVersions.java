package io.attune.store.model;

import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.condition.ConditionCompiler;
import io.attune.core.lifecycle.Actor;
import io.attune.core.model.InvalidModelException;
import io.attune.core.model.ModelApproval;
import io.attune.core.model.ModelChange;
import io.attune.core.model.ModelCompiler;
import io.attune.core.model.ModelDecision;
import io.attune.core.model.ModelReview;
import io.attune.core.model.ModelStatus;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ModelVersions;
import io.attune.core.model.ScoringModel;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.audit.JdbcAuditLog;
import io.attune.store.db.Database;
import io.attune.store.ingest.GroupCommitWriter;
import io.attune.store.ingest.StoreFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Model versions written to the {@code models} table, each change with its audit entry in one
 * transaction. Activation goes through the single writer, which re-scores the segment's leads in the
 * transaction that flips the active version ({@link GroupCommitWriter#activate}).
 */
public final class JdbcModelVersions implements ModelVersions {
    private final Database database;
    private final JdbcModelRegistry registry;
    private final GroupCommitWriter writer;
    private final ModelCompiler compiler = new ModelCompiler(new ConditionCompiler());

    public JdbcModelVersions(Database database, JdbcModelRegistry registry, GroupCommitWriter writer) {
        this.database = database;
        this.registry = registry;
        this.writer = writer;
    }

    @Override
    public DraftOutcome draft(WorkspaceId workspace, String source, Principal author, Instant at) {
        ScoringModel model;
        try {
            model = YamlModels.load("model.yaml", source, compiler);
        } catch (InvalidModelException e) {
            return new Invalid(e.problems());
        }
        ModelVersion version = model.version();
        Actor actor = new Actor.ApiKey(author.keyId());
        try (Connection connection = database.connection()) {
            database.beginWrite(connection);
            try {
                int highest = highestVersion(connection, workspace, version.modelId());
                if (highest >= version.version()) {
                    connection.rollback();
                    return new VersionTaken(version, highest + 1);
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO models (workspace_id, "
                        + "model_id, version, segment, status, source, created_at, author) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, workspace.value());
                    insert.setString(2, version.modelId());
                    insert.setLong(3, version.version());
                    insert.setString(4, model.segment().wireName());
                    insert.setString(5, ModelStatus.DRAFT.wireName());
                    insert.setString(6, source);
                    insert.setLong(7, at.toEpochMilli());
                    insert.setString(8, actor.describe());
                    insert.executeUpdate();
                }
                JdbcAuditLog.appendIn(connection, List.of(AuditRecord.of(workspace, at, actor,
                        AuditAction.MODEL_DRAFTED, new AuditSubject("model", version.toString()),
                        AuditDetails.of("to", ModelStatus.DRAFT.wireName())
                                .and("segment", model.segment().wireName()))));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreFailure("storing a draft model failed", e);
        }
        registry.invalidate(workspace);
        return new Drafted(registry.model(workspace, version).orElseThrow());
    }

    @Override
    public CompletionStage<ChangeOutcome> change(WorkspaceId workspace, ModelVersion version, ModelChange change,
            Principal caller, Instant at) {
        if (change == ModelChange.ACTIVATE) {
            return writer.activate(workspace, version, caller, at, () -> registry.invalidate(workspace));
        }
        try {
            return CompletableFuture.completedFuture(review(workspace, version, change, caller, at));
        } catch (SQLException e) {
            return CompletableFuture.failedFuture(new StoreFailure("changing a model's status failed", e));
        }
    }

    private ChangeOutcome review(WorkspaceId workspace, ModelVersion version, ModelChange change, Principal caller,
            Instant at) throws SQLException {
        Actor actor = new Actor.ApiKey(caller.keyId());
        ModelStatus from;
        try (Connection connection = database.connection()) {
            database.beginWrite(connection);
            try {
                Optional<ModelRows.Row> row = ModelRows.row(connection, workspace, version);
                if (row.isEmpty()) {
                    connection.rollback();
                    return new Unknown();
                }
                from = row.get().status();
                ModelDecision decision = ModelApproval.decide(from, row.get().review(), change, caller.role(),
                        actor.describe());
                if (decision instanceof ModelDecision.Refused refused) {
                    connection.rollback();
                    return new Refused(refused);
                }
                ModelStatus to = ((ModelDecision.Allowed) decision).to();
                ModelReview review = change == ModelChange.APPROVE
                        ? row.get().review().approved(actor.describe(), at) : row.get().review();
                ModelRows.update(connection, workspace, version, to, review);
                JdbcAuditLog.appendIn(connection, List.of(ModelRows.audited(workspace, at, actor, change, version,
                        from, to, AuditDetails.NONE)));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        registry.invalidate(workspace);
        return new Changed(registry.model(workspace, version).orElseThrow(), from, 0);
    }

    private static int highestVersion(Connection connection, WorkspaceId workspace, String modelId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) FROM models WHERE workspace_id = ? AND model_id = ?")) {
            select.setString(1, workspace.value());
            select.setString(2, modelId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
