package io.attune.store.crypto;

import io.attune.store.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, per sealed column, the values under each key of the keyring, under other keys, and not
 * sealed; an empty cell ({@code NULL}) is none of these.
 */
public final class KeyUsage {
    private final Database database;
    private final Keyring keyring;

    public KeyUsage(Database database, Keyring keyring) {
        this.database = database;
        this.keyring = keyring;
    }

    /**
     * @param byKey      values sealed under each key of the keyring, primary first
     * @param otherKeys  values sealed under keys the keyring does not hold (they cannot be read)
     * @param plaintext  values written before encryption, not sealed yet
     */
    public record ColumnUsage(SealedColumn column, Map<String, Long> byKey, long otherKeys, long plaintext) {
        public ColumnUsage {
            byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
        }
    }

    public List<ColumnUsage> count() throws SQLException {
        List<ColumnUsage> usage = new ArrayList<>();
        try (Connection connection = database.connection()) {
            for (SealedColumn column : SealedColumn.values()) {
                usage.add(count(connection, column));
            }
        }
        return usage;
    }

    /** Empty cells (most consent columns are optional) hold nothing to seal and are not counted. */
    private ColumnUsage count(Connection connection, SealedColumn column) throws SQLException {
        List<String> ids = keyring.ids();
        StringBuilder sql = new StringBuilder("SELECT COUNT(").append(column.column())
                .append("), COALESCE(SUM(CASE WHEN substr(").append(column.column())
                .append(", 1, ?) = ? THEN 1 ELSE 0 END), 0)");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(", COALESCE(SUM(CASE WHEN substr(").append(column.column())
                    .append(", 1, ?) = ? THEN 1 ELSE 0 END), 0)");
        }
        sql.append(" FROM ").append(column.table());
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            String sealed = CellCipher.PREFIX + ":";
            select.setInt(1, sealed.length());
            select.setString(2, sealed);
            for (int i = 0; i < ids.size(); i++) {
                String prefix = CellCipher.prefixOf(ids.get(i));
                select.setInt(3 + 2 * i, prefix.length());
                select.setString(4 + 2 * i, prefix);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                long values = rows.getLong(1);
                long sealedValues = rows.getLong(2);
                Map<String, Long> byKey = new LinkedHashMap<>();
                long known = 0;
                for (int i = 0; i < ids.size(); i++) {
                    long underKey = rows.getLong(3 + i);
                    byKey.put(ids.get(i), underKey);
                    known += underKey;
                }
                return new ColumnUsage(column, byKey, sealedValues - known, values - sealedValues);
            }
        }
    }
}
