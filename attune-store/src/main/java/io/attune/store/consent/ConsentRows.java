package io.attune.store.consent;

import io.attune.core.consent.CaptureMethod;
import io.attune.core.consent.Channel;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.consent.ConsentSource;
import io.attune.core.consent.Disclosure;
import io.attune.core.consent.Evidence;
import io.attune.core.consent.Purpose;
import io.attune.core.consent.Recipient;
import io.attune.core.event.MessageId;
import io.attune.core.identity.LeadId;
import io.attune.core.lifecycle.Actor;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.CellCipher;
import io.attune.store.crypto.SealedColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Consent ledger rows, written and read inside the caller's transaction. The disclosure text, the
 * evidence (page, IP address, user agent) and a Part 2 grant's elements can reveal care, so they are
 * sealed at the row's place in the log ({@link SealedColumn}); the columns the ledger is looked up and
 * ordered by, and what the audit log repeats, stay readable.
 */
public final class ConsentRows {
    private static final String COLUMNS = "position, ordinal, lead_id, purpose, channel, recipient, granted, "
            + "disclosure, version, source, method, captured_at, expires_at, message_id, actor, recorded_at, page, ip, "
            + "user_agent, part2";
    private static final String INSERT = "INSERT INTO consents (workspace_id, " + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Leads per IN list, well inside both engines' limits on bound parameters. */
    private static final int CHUNK = 500;

    private ConsentRows() {
    }

    /** One change at its place in the log: the position of what carried it, and its order within that. */
    public record Row(long position, int ordinal, LeadId lead, ConsentRecord consent) {
    }

    public static void insert(Connection connection, CellCipher cipher, WorkspaceId workspace, List<Row> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                ConsentRecord consent = row.consent();
                Cells cells = new Cells(cipher, workspace, row.position(), row.ordinal());
                insert.setString(1, workspace.value());
                insert.setLong(2, row.position());
                insert.setLong(3, row.ordinal());
                insert.setString(4, row.lead().value());
                insert.setString(5, consent.purpose().wireName());
                text(insert, 6, consent.channel().map(Channel::wireName));
                text(insert, 7, consent.recipient().map(Recipient::name));
                insert.setLong(8, consent.granted() ? 1 : 0);
                text(insert, 9, cells.sealed(SealedColumn.CONSENT_DISCLOSURE,
                        consent.disclosure().map(Disclosure::text)));
                text(insert, 10, consent.disclosure().flatMap(Disclosure::version));
                insert.setString(11, consent.source().wireName());
                text(insert, 12, consent.method().map(CaptureMethod::wireName));
                insert.setLong(13, consent.capturedAt().toEpochMilli());
                if (consent.expiresAt().isPresent()) {
                    insert.setLong(14, consent.expiresAt().get().toEpochMilli());
                } else {
                    insert.setNull(14, Types.BIGINT);
                }
                text(insert, 15, consent.message().map(MessageId::value));
                insert.setString(16, consent.actor().describe());
                insert.setLong(17, consent.recordedAt().toEpochMilli());
                text(insert, 18, cells.sealed(SealedColumn.CONSENT_PAGE, consent.evidence().page()));
                text(insert, 19, cells.sealed(SealedColumn.CONSENT_IP, consent.evidence().ip()));
                text(insert, 20, cells.sealed(SealedColumn.CONSENT_USER_AGENT, consent.evidence().userAgent()));
                text(insert, 21, cells.sealed(SealedColumn.CONSENT_PART2, Part2Column.write(consent.part2())));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The rows of these leads placed before {@code before} in the log, in log order. */
    public static List<Row> select(Connection connection, CellCipher cipher, WorkspaceId workspace,
            Collection<LeadId> leads, long before) throws SQLException {
        List<Row> rows = new ArrayList<>();
        List<LeadId> all = List.copyOf(leads);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<LeadId> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM consents "
                    + "WHERE workspace_id = ? AND position < ? AND lead_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                select.setString(1, workspace.value());
                select.setLong(2, before);
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 3, chunk.get(i).value());
                }
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(read(result, cipher, workspace));
                    }
                }
            }
        }
        rows.sort(java.util.Comparator.comparingLong(Row::position).thenComparingInt(Row::ordinal));
        return rows;
    }

    private static Row read(ResultSet rows, CellCipher cipher, WorkspaceId workspace) throws SQLException {
        long position = rows.getLong(1);
        int ordinal = rows.getInt(2);
        Cells cells = new Cells(cipher, workspace, position, ordinal);
        long expires = rows.getLong(13);
        Optional<Instant> expiresAt = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expires));
        Optional<String> version = Optional.ofNullable(rows.getString(9));
        ConsentRecord consent = new ConsentRecord(Purpose.fromWireName(rows.getString(4)).orElseThrow(),
                Optional.ofNullable(rows.getString(5)).map(name -> Channel.fromWireName(name).orElseThrow()),
                Optional.ofNullable(rows.getString(6)).map(Recipient::new), rows.getLong(7) == 1,
                cells.opened(SealedColumn.CONSENT_DISCLOSURE, rows.getString(8)).map(text -> new Disclosure(text,
                        version)),
                ConsentSource.fromWireName(rows.getString(10)).orElseThrow(),
                Optional.ofNullable(rows.getString(11)).map(name -> CaptureMethod.fromWireName(name).orElseThrow()),
                Instant.ofEpochMilli(rows.getLong(12)), expiresAt,
                Optional.ofNullable(rows.getString(14)).map(MessageId::new), Actor.parse(rows.getString(15)),
                Instant.ofEpochMilli(rows.getLong(16)), new Evidence(
                        cells.opened(SealedColumn.CONSENT_PAGE, rows.getString(17)),
                        cells.opened(SealedColumn.CONSENT_IP, rows.getString(18)),
                        cells.opened(SealedColumn.CONSENT_USER_AGENT, rows.getString(19))),
                Part2Column.read(cells.opened(SealedColumn.CONSENT_PART2, rows.getString(20))));
        return new Row(position, ordinal, new LeadId(rows.getString(3)), consent);
    }

    /** The sealed cells of one row, addressed by its workspace, position and ordinal; an empty cell stays empty. */
    private record Cells(CellCipher cipher, WorkspaceId workspace, long position, long ordinal) {
        Optional<String> sealed(SealedColumn column, Optional<String> plaintext) {
            return plaintext.map(text -> cipher.seal(text, address(column)));
        }

        Optional<String> opened(SealedColumn column, String stored) {
            return Optional.ofNullable(stored).map(text -> cipher.open(text, address(column)));
        }

        private CellAddress address(SealedColumn column) {
            return CellAddress.consent(column, workspace.value(), position, ordinal);
        }
    }

    private static void text(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }
}
