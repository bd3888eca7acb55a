package io.attune.store.crypto;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Where a sealed value lives: its column and its row (workspace and lead id, message id, sales
 * action or consent position). It is the associated data of the seal, so a value copied to another
 * row or column no longer opens.
 */
public record CellAddress(SealedColumn column, String workspace, String row) {

    public CellAddress {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(row, "row");
    }

    public static CellAddress leadState(String workspace, String lead) {
        return SealedColumn.LEAD_STATE.address(workspace, lead);
    }

    public static CellAddress eventBody(String workspace, String messageId) {
        return SealedColumn.EVENT_BODY.address(workspace, messageId);
    }

    public static CellAddress eventExtras(String workspace, String messageId) {
        return SealedColumn.EVENT_EXTRAS.address(workspace, messageId);
    }

    public static CellAddress outboxData(String workspace, String messageId) {
        return SealedColumn.OUTBOX_DATA.address(workspace, messageId);
    }

    public static CellAddress leadAction(String workspace, long seq) {
        return SealedColumn.LEAD_ACTION.address(workspace, Long.toString(seq));
    }

    /** A cell of the consent ledger: one of its sealed columns in the row at {@code position} and {@code ordinal}. */
    public static CellAddress consent(SealedColumn column, String workspace, long position, long ordinal) {
        if (!column.table().equals("consents")) {
            throw new IllegalArgumentException(column.label() + " is not a column of the consent ledger");
        }
        return column.address(workspace, List.of(Long.toString(position), Long.toString(ordinal)));
    }

    byte[] associatedData() {
        // NUL cannot occur in any of the parts (ids are validated text), so the joining is unambiguous.
        return (CellCipher.PREFIX + '\0' + column.label() + '\0' + workspace + '\0' + row)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return column.label() + " of " + row + " in workspace " + workspace;
    }
}
