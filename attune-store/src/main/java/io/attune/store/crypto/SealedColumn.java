package io.attune.store.crypto;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The columns that hold health and substance-use data, sealed whole: a lead's state (its traits
 * among it), an event's body and extras (traits, properties, context) and a hand-off's payload (the
 * traits a destination with a BAA receives) and a sales action (notes, BANT answers, free text).
 * Each row is named by its workspace and {@code rowKey}, which together are unique and make up the
 * seal's address; a numeric key (a sales action's {@code seq}) is addressed by its decimal text.
 */
public enum SealedColumn {
    LEAD_STATE("leads", "state", "lead_id", false),
    EVENT_BODY("events", "event", "message_id", false),
    EVENT_EXTRAS("events", "extras", "message_id", false),
    OUTBOX_DATA("outbox", "data", "message_id", false),
    LEAD_ACTION("lead_actions", "action", "seq", true);

    private final String table;
    private final String column;
    private final String rowKey;
    private final boolean numericKey;

    SealedColumn(String table, String column, String rowKey, boolean numericKey) {
        this.table = table;
        this.column = column;
        this.rowKey = rowKey;
        this.numericKey = numericKey;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    String rowKey() {
        return rowKey;
    }

    /** A key below every stored one, to page from. */
    String lowestKey() {
        return numericKey ? Long.toString(Long.MIN_VALUE) : "";
    }

    /**
     * Binds a row key as its column's type: a numeric key bound as text would compare as text (on
     * PostgreSQL not at all, on SQLite every number sorts below every text), which breaks paging.
     */
    void bindKey(PreparedStatement statement, int index, String key) throws SQLException {
        if (numericKey) {
            statement.setLong(index, Long.parseLong(key));
        } else {
            statement.setString(index, key);
        }
    }

    CellAddress address(String workspace, String row) {
        return new CellAddress(label(), workspace, row);
    }

    /** {@code table.column}. */
    public String label() {
        return table + "." + column;
    }
}
