package io.attune.store.privacy;

import io.attune.core.audit.AuditAction;
import io.attune.core.audit.AuditDetails;
import io.attune.core.audit.AuditRecord;
import io.attune.core.audit.AuditSubject;
import io.attune.core.lifecycle.Actor;
import io.attune.core.privacy.ClassificationWeakening;
import io.attune.core.privacy.DataDictionary;
import io.attune.core.privacy.PrivacyClassification;
import io.attune.core.privacy.PrivacyClassifications;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.audit.JdbcAuditLog;
import io.attune.store.db.Database;
import io.attune.store.ingest.StoreFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Each workspace's classification in the database, as {@link ClassificationJson}. Read on every use,
 * so that a change applies from the next send on every server; what is remembered is only the last
 * document read and what it decoded to, so that an unchanged one is not parsed again.
 *
 * <p>The data dictionary scoring reads traits by is the exception: the writer asks for it with every
 * group of events, so it is remembered per workspace and forgotten when this store saves the
 * workspace's next classification (one Attune process runs per store, so no other saves it).
 */
public final class JdbcPrivacyClassifications implements PrivacyClassifications {
    /** A workspace changed its classification (counts only; the document is read through the API). */
    public static final AuditAction CLASSIFICATION_CHANGED = new AuditAction("privacy.classification_changed");

    private final Database database;
    private final Map<WorkspaceId, Decoded> lastRead = new ConcurrentHashMap<>();
    private final Map<WorkspaceId, DataDictionary> dictionaries = new ConcurrentHashMap<>();

    /** A stored document and the classification it decodes to. */
    private record Decoded(String document, PrivacyClassification classification) {
    }

    public JdbcPrivacyClassifications(Database database) {
        this.database = database;
    }

    @Override
    public PrivacyClassification classification(WorkspaceId workspace) {
        Optional<String> document;
        try (Connection connection = database.connection()) {
            document = document(connection, workspace);
        } catch (SQLException e) {
            throw new StoreFailure("reading a workspace's classification failed", e);
        }
        if (document.isEmpty()) {
            return PrivacyClassification.NONE;
        }
        Decoded known = lastRead.get(workspace);
        if (known != null && known.document().equals(document.get())) {
            return known.classification();
        }
        Decoded decoded = new Decoded(document.get(), ClassificationJson.decode(document.get()));
        lastRead.put(workspace, decoded);
        return decoded.classification();
    }

    /**
     * The workspace's data dictionary, remembered until its classification is saved again. Building it
     * happens under the map's lock for the workspace, and a save forgets it only after its commit, so a
     * dictionary built from the old document while a save commits is forgotten once that save is done.
     */
    @Override
    public DataDictionary dataDictionary(WorkspaceId workspace) {
        return dictionaries.computeIfAbsent(workspace, w -> classification(w).dataDictionary());
    }

    /** The workspace's classification, read on the caller's connection (inside its transaction, if any). */
    public static PrivacyClassification read(Connection connection, WorkspaceId workspace) throws SQLException {
        return document(connection, workspace).map(ClassificationJson::decode).orElse(PrivacyClassification.NONE);
    }

    private static Optional<String> document(Connection connection, WorkspaceId workspace) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT classification FROM privacy_classifications WHERE workspace_id = ?")) {
            select.setString(1, workspace.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public void save(WorkspaceId workspace, PrivacyClassification classification, Actor actor, Instant at) {
        try (Connection connection = database.connection()) {
            database.beginWrite(connection);
            try {
                PrivacyClassification before = read(connection, workspace);
                try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO privacy_classifications "
                        + "(workspace_id, classification, updated_at) VALUES (?, ?, ?) ON CONFLICT (workspace_id) "
                        + "DO UPDATE SET classification = excluded.classification, updated_at = excluded.updated_at")) {
                    upsert.setString(1, workspace.value());
                    upsert.setString(2, ClassificationJson.encode(classification));
                    upsert.setLong(3, at.toEpochMilli());
                    upsert.executeUpdate();
                }
                JdbcAuditLog.appendIn(connection, audited(workspace, before, classification, actor, at));
                connection.commit();
                dictionaries.remove(workspace);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreFailure("saving a workspace's classification failed", e);
        }
    }

    /** The change, and a policy override for each acknowledged weakening the workspace did not have before. */
    private static List<AuditRecord> audited(WorkspaceId workspace, PrivacyClassification before,
            PrivacyClassification after, Actor actor, Instant at) {
        AuditSubject subject = new AuditSubject("workspace", workspace.value());
        List<AuditRecord> records = new ArrayList<>();
        records.add(AuditRecord.of(workspace, at, actor, CLASSIFICATION_CHANGED, subject,
                AuditDetails.of("healthTerms", Integer.toString(after.healthTerms().size()))
                        .and("substanceUseTerms", Integer.toString(after.substanceUseTerms().size()))
                        .and("dictionary", Integer.toString(after.dictionary().size()))
                        .and("userIds", Integer.toString(after.userIds().size()))
                        .and("pageRules", Integer.toString(after.pageRules().size()))
                        .and("contentGroups", Integer.toString(after.contentGroups().size()))
                        .and("weakenings", Integer.toString(after.weakenings().size()))));
        Set<String> known = before.weakenings().stream().map(JdbcPrivacyClassifications::identity)
                .collect(Collectors.toSet());
        for (ClassificationWeakening weakening : after.weakenings()) {
            if (!known.contains(identity(weakening))) {
                records.add(AuditRecord.of(workspace, at, actor, AuditAction.POLICY_OVERRIDE, subject,
                        AuditDetails.of("policy", "privacy_classification").and("field", weakening.field())
                                .and("names", weakening.subject()).and("from", weakening.defaultClass())
                                .and("to", weakening.configuredClass())));
            }
        }
        return records;
    }

    /** A weakening by what it names and how, wherever in the lists it stands. */
    private static String identity(ClassificationWeakening weakening) {
        return weakening.subject() + " -> " + weakening.configuredClass();
    }
}
