package io.attune.store.consent;

import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.Consents;
import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import io.attune.store.crypto.CellCipher;
import io.attune.store.db.Database;
import io.attune.store.ingest.StoreFailure;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Consent ledgers read from the {@code consents} table, across a lead's merges, in log order. */
public final class JdbcConsents implements Consents {
    private final Database database;
    private final CellCipher cipher;

    public JdbcConsents(Database database, CellCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    @Override
    public ConsentLedger ledger(WorkspaceId workspace, LeadId lead) {
        try {
            return database.jdbi().withHandle(handle -> new ConsentLedger(ConsentRows.select(handle.getConnection(),
                    cipher, workspace, sourcesOf(handle, workspace, lead), Long.MAX_VALUE).stream()
                    .map(ConsentRows.Row::consent).toList()));
        } catch (SQLException e) {
            throw new StoreFailure("reading a lead's consents failed", e);
        }
    }

    /** The lead and every lead folded into it, directly or through another merge. */
    private static Set<LeadId> sourcesOf(Handle handle, WorkspaceId workspace, LeadId lead) {
        Set<LeadId> sources = new LinkedHashSet<>();
        List<String> frontier = new ArrayList<>(List.of(lead.value()));
        while (!frontier.isEmpty()) {
            String next = frontier.remove(frontier.size() - 1);
            if (sources.add(new LeadId(next))) {
                frontier.addAll(handle.createQuery(
                                "SELECT from_lead FROM lead_merges WHERE workspace_id = ? AND into_lead = ?")
                        .bind(0, workspace.value()).bind(1, next).mapTo(String.class).list());
            }
        }
        return sources;
    }
}
