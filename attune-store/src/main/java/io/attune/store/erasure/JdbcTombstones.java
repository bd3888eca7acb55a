package io.attune.store.erasure;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.core.erasure.Tombstone;
import io.attune.core.handoff.DestinationId;
import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tombstones of erased leads: what the API answers for an erased id, and what a retried request finds. */
final class JdbcTombstones {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };

    private JdbcTombstones() {
    }

    static Optional<Tombstone> find(Connection connection, WorkspaceId workspace, LeadId lead) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT erased_at, requested_by, recorded_by, "
                + "reason, erased, notified FROM subject_erasures WHERE workspace_id = ? AND lead_id = ?")) {
            select.setString(1, workspace.value());
            select.setString(2, lead.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String notified = rows.getString(6);
                return Optional.of(new Tombstone(lead, Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2),
                        rows.getString(3), rows.getString(4), JSON.readValue(rows.getString(5), COUNTS),
                        notified.isEmpty() ? List.of() : Arrays.stream(notified.split(" ")).map(DestinationId::new)
                                .toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stored tombstone is not JSON", e);
        }
    }

    static void insert(Connection connection, WorkspaceId workspace, Tombstone tombstone) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO subject_erasures (workspace_id, "
                + "lead_id, erased_at, requested_by, recorded_by, reason, erased, notified) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, workspace.value());
            insert.setString(2, tombstone.lead().value());
            insert.setLong(3, tombstone.erasedAt().toEpochMilli());
            insert.setString(4, tombstone.requestedBy());
            insert.setString(5, tombstone.recordedBy());
            insert.setString(6, tombstone.reason());
            insert.setString(7, JSON.writeValueAsString(tombstone.erased()));
            insert.setString(8, String.join(" ", tombstone.notified().stream().map(DestinationId::value).toList()));
            insert.executeUpdate();
        } catch (IOException e) {
            throw new UncheckedIOException("counts are always writable", e);
        }
    }
}
