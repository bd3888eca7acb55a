package io.attune.store.crypto;

/**
 * The columns that hold health and substance-use data, sealed whole: a lead's state (its traits
 * among it) and an event's body and extras (traits, properties, context). Each row is named by its
 * workspace and {@code rowKey}, which together are unique and make up the seal's address.
 */
public enum SealedColumn {
    LEAD_STATE("leads", "state", "lead_id"),
    EVENT_BODY("events", "event", "message_id"),
    EVENT_EXTRAS("events", "extras", "message_id");

    private final String table;
    private final String column;
    private final String rowKey;

    SealedColumn(String table, String column, String rowKey) {
        this.table = table;
        this.column = column;
        this.rowKey = rowKey;
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

    CellAddress address(String workspace, String row) {
        return new CellAddress(label(), workspace, row);
    }

    /** {@code table.column}. */
    public String label() {
        return table + "." + column;
    }
}
