package io.attune.server.fakes;

import io.attune.core.account.AccountId;
import io.attune.core.account.AccountState;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.event.Event;
import io.attune.core.identity.Identity;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Transition;
import io.attune.core.query.LeadFilter;
import io.attune.core.query.LeadQueries;
import io.attune.core.query.Page;
import io.attune.core.sla.SlaTimer;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store that has gone away: every read fails the way a broken connection would, with a message
 * that quotes data, so tests can show that neither the response nor the log repeats it.
 */
public final class UnreachableLeadQueries implements LeadQueries {
    public static final String LEAKED = "pat@example.com has insurance Aetna";

    private static IllegalStateException failure() {
        return new IllegalStateException("query failed near '" + LEAKED + "'");
    }

    @Override
    public Optional<LeadState> lead(WorkspaceId workspace, LeadId lead) {
        throw failure();
    }

    @Override
    public Optional<LeadState> leadByIdentity(WorkspaceId workspace, Identity identity) {
        throw failure();
    }

    @Override
    public Optional<LeadId> survivorOf(WorkspaceId workspace, LeadId lead) {
        throw failure();
    }

    @Override
    public Page<LeadState> leads(WorkspaceId workspace, LeadFilter filter, Optional<String> cursor, int limit,
            Instant now) {
        throw failure();
    }

    @Override
    public List<Identity> identities(WorkspaceId workspace, LeadId lead) {
        throw failure();
    }

    @Override
    public List<Transition> transitions(WorkspaceId workspace, LeadId lead) {
        throw failure();
    }

    @Override
    public ConsentLedger consents(WorkspaceId workspace, LeadId lead) {
        throw failure();
    }

    @Override
    public List<Event> history(WorkspaceId workspace, LeadId lead) {
        throw failure();
    }

    @Override
    public Optional<AccountState> account(WorkspaceId workspace, AccountId account) {
        throw failure();
    }

    @Override
    public Page<AccountState> accounts(WorkspaceId workspace, Optional<Boolean> mqa, Optional<String> cursor,
            int limit) {
        throw failure();
    }

    @Override
    public List<LeadId> contacts(WorkspaceId workspace, AccountId account) {
        throw failure();
    }

    @Override
    public List<SlaTimer> slaTimers(WorkspaceId workspace, LeadId lead) {
        throw failure();
    }

    @Override
    public Page<SlaTimer> breaches(WorkspaceId workspace, boolean overdueOnly, Optional<String> cursor, int limit) {
        throw failure();
    }
}
