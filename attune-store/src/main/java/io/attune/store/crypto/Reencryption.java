package io.attune.store.crypto;

import io.attune.store.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Re-seals every stored value that is not under the primary key (or not sealed at all), a batch per
 * transaction, in key order. A stopped run loses at most its open batch and resumes where it
 * stopped, since values already under the primary key are skipped. Each update names the value it
 * read, so a lead the writer changed meanwhile (already sealed under the primary) is left alone.
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

    private record Row(String workspace, String key, String stored) {
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
        String select = "SELECT workspace_id, " + column.rowKey() + ", " + column.column() + " FROM "
                + column.table() + " WHERE (workspace_id > ? OR (workspace_id = ? AND " + column.rowKey()
                + " > ?)) AND substr(" + column.column() + ", 1, ?) <> ? ORDER BY workspace_id, " + column.rowKey()
                + " LIMIT ?";
        String update = "UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE workspace_id = ? AND "
                + column.rowKey() + " = ? AND " + column.column() + " = ?";
        long resealed = 0;
        Row last = new Row("", column.lowestKey(), null);
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
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, after.workspace());
            select.setString(2, after.workspace());
            column.bindKey(select, 3, after.key());
            select.setInt(4, primary.length());
            select.setString(5, primary);
            select.setInt(6, batchSize);
            List<Row> rows = new ArrayList<>(batchSize);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), result.getString(3)));
                }
            }
            return rows;
        }
    }

    private long reseal(Connection connection, String sql, SealedColumn column, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (Row row : rows) {
                CellAddress address = column.address(row.workspace(), row.key());
                update.setString(1, cipher.seal(cipher.open(row.stored(), address), address));
                update.setString(2, row.workspace());
                column.bindKey(update, 3, row.key());
                update.setString(4, row.stored());
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
