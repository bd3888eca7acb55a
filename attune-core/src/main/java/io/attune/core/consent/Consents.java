package io.attune.core.consent;

import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;

/** Where consent ledgers are read from. Scoped to one workspace: another workspace's lead has none. */
public interface Consents {

    /** The ledger of a lead: its own entries and those of every lead merged into it, in recording order. */
    ConsentLedger ledger(WorkspaceId workspace, LeadId lead);
}
