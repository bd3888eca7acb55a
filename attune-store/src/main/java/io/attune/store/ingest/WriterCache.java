package io.attune.store.ingest;

import io.attune.core.account.AccountId;
import io.attune.core.account.AccountState;
import io.attune.core.identity.Identity;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.workspace.WorkspaceId;
import java.util.HashMap;
import java.util.Map;

/**
 * What the single writer remembers between units of work: recently used identities, leads and
 * accounts, as of the last commit. Only committed state is put here, so a failed unit of work
 * leaves nothing stale behind. Owned by the writer thread.
 */
public final class WriterCache {
    private final int leadCapacity;
    private final Map<WorkspaceId, Workspace> workspaces = new HashMap<>();

    public WriterCache(int leadCapacity) {
        if (leadCapacity < 1) {
            throw new IllegalArgumentException("the lead cache capacity must be positive");
        }
        this.leadCapacity = leadCapacity;
    }

    Workspace of(WorkspaceId workspace) {
        return workspaces.computeIfAbsent(workspace, id -> new Workspace(leadCapacity));
    }

    /** Forgets everything; the next reads go to the database. */
    public void clear() {
        workspaces.clear();
    }

    /** One workspace's cached identities, leads and accounts. */
    static final class Workspace {
        final Lru<Identity, LeadId> identities;
        final Lru<LeadId, LeadState> leads;
        final Lru<AccountId, AccountState> accounts;

        Workspace(int leadCapacity) {
            this.identities = new Lru<>(leadCapacity * 2);
            this.leads = new Lru<>(leadCapacity);
            this.accounts = new Lru<>(Math.max(1, leadCapacity / 4));
        }
    }
}
