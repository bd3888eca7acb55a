package io.attune.core.query;

import io.attune.core.account.AccountId;
import io.attune.core.account.AccountState;
import io.attune.core.consent.ConsentLedger;
import io.attune.core.event.Event;
import io.attune.core.identity.Identity;
import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.lifecycle.Transition;
import io.attune.core.sla.SlaTimer;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The read side the API needs from storage. Every method is scoped to one workspace: a lead or
 * account of another workspace is simply not found.
 */
public interface LeadQueries {

    Optional<LeadState> lead(WorkspaceId workspace, LeadId lead);

    /** The lead an identity (user id, anonymous id or email) belongs to. */
    Optional<LeadState> leadByIdentity(WorkspaceId workspace, Identity identity);

    /** A lead id that was merged into another resolves to the surviving lead. */
    Optional<LeadId> survivorOf(WorkspaceId workspace, LeadId lead);

    /**
     * Leads matching the filter, ordered by id; {@code cursor} is the previous page's
     * {@code next}; score bounds are evaluated at {@code now}.
     */
    Page<LeadState> leads(WorkspaceId workspace, LeadFilter filter, Optional<String> cursor, int limit, Instant now);

    List<Identity> identities(WorkspaceId workspace, LeadId lead);

    List<Transition> transitions(WorkspaceId workspace, LeadId lead);

    /** The lead's events, including those of leads merged into it, in recording order. */
    List<Event> history(WorkspaceId workspace, LeadId lead);

    /** The lead's consent ledger, with the entries of the leads merged into it (for replaying its score). */
    ConsentLedger consents(WorkspaceId workspace, LeadId lead);

    Optional<AccountState> account(WorkspaceId workspace, AccountId account);

    Page<AccountState> accounts(WorkspaceId workspace, Optional<Boolean> mqa, Optional<String> cursor, int limit);

    /** Ids of the leads attached to an account. */
    List<LeadId> contacts(WorkspaceId workspace, AccountId account);

    /** The lead's SLA timers, one per time it qualified, the latest first. */
    List<SlaTimer> slaTimers(WorkspaceId workspace, LeadId lead);

    /**
     * Breached SLA timers, the most recent breach first; with {@code overdueOnly}, only those whose
     * lead is still waiting for sales. {@code cursor} is the previous page's {@code next}.
     */
    Page<SlaTimer> breaches(WorkspaceId workspace, boolean overdueOnly, Optional<String> cursor, int limit);

    /** When the lead with this id (or a lead merged into it) was erased at a data-subject request, if it was. */
    default Optional<Instant> erasedAt(WorkspaceId workspace, LeadId lead) {
        return Optional.empty();
    }
}
