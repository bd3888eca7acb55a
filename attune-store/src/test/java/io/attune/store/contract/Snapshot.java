package io.attune.store.contract;

import io.attune.core.workspace.WorkspaceId;
import io.attune.store.Store;
import io.attune.store.crypto.CellAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every projection row of one workspace, as text, in a stable order; ids made by the database are left
 * out, and a lead's sealed state is compared opened (each seal has a fresh nonce).
 */
record Snapshot(Map<String, List<String>> tables) {
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("identities", "SELECT kind, value, lead_id FROM identities WHERE workspace_id = ? "
                + "ORDER BY kind, value");
        QUERIES.put("lead_merges", "SELECT from_lead, into_lead FROM lead_merges WHERE workspace_id = ? "
                + "ORDER BY from_lead");
        QUERIES.put("leads", "SELECT lead_id, segment, stage, identified, account_id, model, fit, eng_value, "
                + "eng_as_of, first_seen, last_seen, events, updated_at, state FROM leads WHERE workspace_id = ? "
                + "ORDER BY lead_id");
        QUERIES.put("accounts", "SELECT account_id, group_id, domain, segment, mqa, contacts, state FROM accounts "
                + "WHERE workspace_id = ? ORDER BY account_id");
        QUERIES.put("transitions", "SELECT lead_id, from_stage, to_stage, at, cause, actor FROM transitions "
                + "WHERE workspace_id = ? ORDER BY id");
        QUERIES.put("account_transitions", "SELECT account_id, mqa, at, cause, actor FROM account_transitions "
                + "WHERE workspace_id = ? ORDER BY id");
    }

    static Snapshot of(Store store, WorkspaceId workspace) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        QUERIES.forEach((table, sql) -> tables.put(table, store.database().jdbi().withHandle(handle -> handle
                .createQuery(sql).bind(0, workspace.value())
                .map((rs, ctx) -> {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        cells.add(String.valueOf(rs.getObject(i)));
                    }
                    if (table.equals("leads")) {
                        int state = cells.size() - 1;
                        cells.set(state, store.cipher().open(cells.get(state),
                                CellAddress.leadState(workspace.value(), cells.get(0))));
                    }
                    return String.join("|", cells);
                }).list())));
        return new Snapshot(tables);
    }

    List<String> rows(String table) {
        return tables.get(table);
    }
}
