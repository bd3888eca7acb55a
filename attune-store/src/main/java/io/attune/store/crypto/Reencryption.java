package io.attune.store.crypto;

import io.attune.store.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Re-seals every stored value that is not under the primary key (or not sealed at all), a batch per
 * transaction, in key order. A stopped run loses at most its open batch and resumes where it
 * stopped, since values already under the primary key are skipped. Each update names the value it
 * read, so a lead the writer changed meanwhile (already sealed under the primary) is left alone.
 * Pages follow the row key, composite for the consent ledger ({@code position, ordinal}), compared
 * as a row value, which both engines order the same way as {@code ORDER BY}; empty cells are skipped.
 */
public final class Reencryption {
    private final Database database;
    private final CellCipher cipher;

    public Reencryption(Database database, CellCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    /** After each batch: the column, and how many of its values have been re-sealed so far in this run. */
    public record Progress(SealedColumn column, long resealed) {
    }

    /** A row's workspace and key values (in the order of the column's row key), and the value it holds. */
    private record Row(String workspace, List<String> key, String stored) {
    }

    /** @return how many values were re-sealed */
    public long run(int batchSize, Consumer<Progress> progress) throws SQLException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1");
        }
        long total = 0;
        for (SealedColumn column : SealedColumn.values()) {
            total += run(column, batchSize, progress);
        }
        return total;
    }

    private long run(SealedColumn column, int batchSize, Consumer<Progress> progress) throws SQLException {
        String primary = CellCipher.prefixOf(cipher.keyring().primary().id());
        List<String> keys = column.rowKey().stream().map(SealedColumn.KeyColumn::name).toList();
        String rowKey = "workspace_id, " + String.join(", ", keys);
        String select = "SELECT " + rowKey + ", " + column.column() + " FROM " + column.table() + " WHERE (" + rowKey
                + ") > (" + String.join(", ", Collections.nCopies(keys.size() + 1, "?")) + ") AND " + column.column()
                + " IS NOT NULL AND substr(" + column.column() + ", 1, ?) <> ? ORDER BY " + rowKey + " LIMIT ?";
        String update = "UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE workspace_id = ? AND "
                + keys.stream().map(key -> key + " = ? AND ").collect(Collectors.joining()) + column.column() + " = ?";
        long resealed = 0;
        Row last = new Row("", column.rowKey().stream().map(SealedColumn.KeyColumn::lowest).toList(), null);
        try (Connection connection = database.connection()) {
            while (true) {
                database.beginWrite(connection);
                List<Row> batch;
                try {
                    batch = next(connection, select, column, last, primary, batchSize);
                    resealed += reseal(connection, update, column, batch);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
                if (batch.isEmpty()) {
                    return resealed;
                }
                progress.accept(new Progress(column, resealed));
                if (batch.size() < batchSize) {
                    return resealed;
                }
                last = batch.get(batch.size() - 1);
            }
        }
    }

    private static List<Row> next(Connection connection, String sql, SealedColumn column, Row after, String primary,
            int batchSize) throws SQLException {
        List<SealedColumn.KeyColumn> keys = column.rowKey();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, after.workspace());
            for (int i = 0; i < keys.size(); i++) {
                keys.get(i).bind(select, 2 + i, after.key().get(i));
            }
            int next = 2 + keys.size();
            select.setInt(next, primary.length());
            select.setString(next + 1, primary);
            select.setInt(next + 2, batchSize);
            List<Row> rows = new ArrayList<>(batchSize);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    List<String> key = new ArrayList<>(keys.size());
                    for (int i = 0; i < keys.size(); i++) {
                        key.add(result.getString(2 + i));
                    }
                    rows.add(new Row(result.getString(1), key, result.getString(2 + keys.size())));
                }
            }
            return rows;
        }
    }

    private long reseal(Connection connection, String sql, SealedColumn column, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        List<SealedColumn.KeyColumn> keys = column.rowKey();
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (Row row : rows) {
                CellAddress address = column.address(row.workspace(), row.key());
                update.setString(1, cipher.seal(cipher.open(row.stored(), address), address));
                update.setString(2, row.workspace());
                for (int i = 0; i < keys.size(); i++) {
                    keys.get(i).bind(update, 3 + i, row.key().get(i));
                }
                update.setString(3 + keys.size(), row.stored());
                update.addBatch();
            }
            long updated = 0;
            for (int count : update.executeBatch()) {
                updated += Math.max(count, 0);
            }
            return updated;
        }
    }
}
