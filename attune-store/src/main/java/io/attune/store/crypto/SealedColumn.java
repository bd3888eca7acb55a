package io.attune.store.crypto;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The columns that hold health and substance-use data, sealed whole: a lead's state (its traits
 * among it), an event's body and extras (traits, properties, context), a hand-off's payload (the
 * traits a destination with a BAA receives), a sales action (notes, BANT answers, free text) and a
 * consent's disclosure text, evidence and Part 2 elements (a Part 2 consent names the substance-use
 * program; the page a consent was given on can be {@code /detox-intake}).
 *
 * <p>Each row is named by its workspace and its key columns, which together are unique and make up
 * the seal's address. A numeric key (a sales action's {@code seq}) is addressed by its decimal text;
 * a composite key (a consent's {@code position} and {@code ordinal}, both numeric) by its parts
 * joined with {@code ':'}, which no decimal contains.
 */
public enum SealedColumn {
    LEAD_STATE("leads", "state", Unsealed.JSON, KeyColumn.text("lead_id")),
    EVENT_BODY("events", "event", Unsealed.JSON, KeyColumn.text("message_id")),
    EVENT_EXTRAS("events", "extras", Unsealed.JSON, KeyColumn.text("message_id")),
    OUTBOX_DATA("outbox", "data", Unsealed.JSON, KeyColumn.text("message_id")),
    LEAD_ACTION("lead_actions", "action", Unsealed.JSON, KeyColumn.number("seq")),
    CONSENT_DISCLOSURE("consents", "disclosure", Unsealed.ANY_TEXT, consentKey()),
    CONSENT_PAGE("consents", "page", Unsealed.ANY_TEXT, consentKey()),
    CONSENT_IP("consents", "ip", Unsealed.ANY_TEXT, consentKey()),
    CONSENT_USER_AGENT("consents", "user_agent", Unsealed.ANY_TEXT, consentKey()),
    CONSENT_PART2("consents", "part2", Unsealed.JSON, consentKey());

    /**
     * What a value written before encryption looks like. The JSON columns (a consent's Part 2 elements
     * among them) have only ever held JSON, so anything else there is refused rather than passed on;
     * the other consent columns held free text (a disclosure, a URL, an address), so any value without
     * the sealed prefix is that text.
     */
    enum Unsealed {
        JSON, ANY_TEXT
    }

    /** One column of a row's key, and whether it is bound as a number. */
    record KeyColumn(String name, boolean numeric) {
        static KeyColumn text(String name) {
            return new KeyColumn(name, false);
        }

        static KeyColumn number(String name) {
            return new KeyColumn(name, true);
        }

        /** A key below every stored one, to page from. */
        String lowest() {
            return numeric ? Long.toString(Long.MIN_VALUE) : "";
        }

        /**
         * Binds a key as its column's type: a numeric key bound as text would compare as text (on
         * PostgreSQL not at all, on SQLite every number sorts below every text), which breaks paging.
         */
        void bind(PreparedStatement statement, int index, String value) throws SQLException {
            if (numeric) {
                statement.setLong(index, Long.parseLong(value));
            } else {
                statement.setString(index, value);
            }
        }
    }

    private final String table;
    private final String column;
    private final Unsealed unsealed;
    private final List<KeyColumn> rowKey;

    SealedColumn(String table, String column, Unsealed unsealed, KeyColumn... rowKey) {
        this.table = table;
        this.column = column;
        this.unsealed = unsealed;
        this.rowKey = List.of(rowKey);
    }

    /** A consent's place in the log: the position of what carried it, and its order within that. */
    private static KeyColumn[] consentKey() {
        return new KeyColumn[] {KeyColumn.number("position"), KeyColumn.number("ordinal")};
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    Unsealed unsealed() {
        return unsealed;
    }

    List<KeyColumn> rowKey() {
        return rowKey;
    }

    /** The address of this column in the row with these key values, in the order of {@link #rowKey()}. */
    CellAddress address(String workspace, List<String> key) {
        return address(workspace, String.join(":", key));
    }

    CellAddress address(String workspace, String row) {
        return new CellAddress(this, workspace, row);
    }

    /** {@code table.column}. */
    public String label() {
        return table + "." + column;
    }
}
