package io.attune.store.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a sealed value lives: its column and its row (workspace and lead or message id). It is the
 * associated data of the seal, so a value copied to another row or column no longer opens.
 */
public record CellAddress(String column, String workspace, String row) {

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

    byte[] associatedData() {
        // NUL cannot occur in any of the parts (ids are validated text), so the joining is unambiguous.
        return (CellCipher.PREFIX + '\0' + column + '\0' + workspace + '\0' + row).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return column + " of " + row + " in workspace " + workspace;
    }
}
