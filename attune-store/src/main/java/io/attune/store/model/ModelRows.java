package io.attune.store.model;

import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.lifecycle.Actor;
import io.attune.core.model.ModelChange;
import io.attune.core.model.ModelReview;
import io.attune.core.model.ModelStatus;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.Segment;
import io.attune.core.workspace.WorkspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code models} table's status and review columns, read and written inside the caller's transaction. */
public final class ModelRows {
    private ModelRows() {
    }

    /** One version's place in its lifecycle. */
    public record Row(ModelVersion version, Segment segment, ModelStatus status, ModelReview review) {
    }

    public static Optional<Row> row(Connection connection, WorkspaceId workspace, ModelVersion version)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT segment, status, author, approved_by, "
                + "approved_at FROM models WHERE workspace_id = ? AND model_id = ? AND version = ?")) {
            select.setString(1, workspace.value());
            select.setString(2, version.modelId());
            select.setLong(3, version.version());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long approvedAt = rows.getLong(5);
                boolean approved = !rows.wasNull();
                return Optional.of(new Row(version, Segment.fromWireName(rows.getString(1)).orElseThrow(),
                        ModelStatus.fromWireName(rows.getString(2)).orElseThrow(),
                        review(rows.getString(3), rows.getString(4), approved ? approvedAt : null)));
            }
        }
    }

    static ModelReview review(String author, String approvedBy, Long approvedAt) {
        return new ModelReview(Optional.ofNullable(author), Optional.ofNullable(approvedBy),
                Optional.ofNullable(approvedAt).map(Instant::ofEpochMilli));
    }

    /** The segment's active version, if any. */
    public static Optional<ModelVersion> active(Connection connection, WorkspaceId workspace, Segment segment)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT model_id, version FROM models "
                + "WHERE workspace_id = ? AND segment = ? AND status = ?")) {
            select.setString(1, workspace.value());
            select.setString(2, segment.wireName());
            select.setString(3, ModelStatus.ACTIVE.wireName());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new ModelVersion(rows.getString(1), rows.getInt(2)))
                        : Optional.empty();
            }
        }
    }

    public static void update(Connection connection, WorkspaceId workspace, ModelVersion version, ModelStatus status,
            ModelReview review) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE models SET status = ?, approved_by = ?, "
                + "approved_at = ? WHERE workspace_id = ? AND model_id = ? AND version = ?")) {
            update.setString(1, status.wireName());
            update.setString(2, review.approvedBy().orElse(null));
            if (review.approvedAt().isPresent()) {
                update.setLong(3, review.approvedAt().get().toEpochMilli());
            } else {
                update.setNull(3, java.sql.Types.BIGINT);
            }
            update.setString(4, workspace.value());
            update.setString(5, version.modelId());
            update.setLong(6, version.version());
            update.executeUpdate();
        }
    }

    /** The audit entry of a change: which version, from and to which status, and with which key. */
    public static AuditRecord audited(WorkspaceId workspace, Instant at, Actor actor, ModelChange change,
            ModelVersion version, ModelStatus from, ModelStatus to, AuditDetails more) {
        AuditDetails details = AuditDetails.of("from", from.wireName()).and("to", to.wireName());
        for (var detail : more.values().entrySet()) {
            details = details.and(detail.getKey(), detail.getValue());
        }
        return AuditRecord.of(workspace, at, actor, action(change), new AuditSubject("model", version.toString()),
                details);
    }

    private static AuditAction action(ModelChange change) {
        return switch (change) {
            case PROPOSE -> AuditAction.MODEL_PROPOSED;
            case APPROVE -> AuditAction.MODEL_APPROVED;
            case ACTIVATE -> AuditAction.MODEL_ACTIVATED;
            case RETIRE -> AuditAction.MODEL_RETIRED;
        };
    }
}
