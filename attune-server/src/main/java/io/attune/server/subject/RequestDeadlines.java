package io.attune.server.subject;

import io.attune.core.identity.LeadId;
import io.attune.core.jurisdiction.Jurisdiction;
import io.attune.core.lead.ScoringGate;
import io.attune.core.query.LeadQueries;
import io.attune.core.rights.Deadline;
import io.attune.core.rights.RequestKind;
import io.attune.core.rights.StatutoryDeadlines;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.Workspaces;
import java.time.Instant;

/**
 * The deadline of a request about a lead, from the lead's jurisdiction (STATE-01) as the workspace
 * judges it; an id naming no live lead is judged as of unknown jurisdiction.
 */
public final class RequestDeadlines {
    private final LeadQueries leads;
    private final Workspaces workspaces;

    public RequestDeadlines(LeadQueries leads, Workspaces workspaces) {
        this.leads = leads;
        this.workspaces = workspaces;
    }

    public Deadline of(WorkspaceId workspace, LeadId lead, RequestKind kind, Instant received) {
        ScoringGate gate = workspaces.settings(workspace).privacy().scoringGate();
        Jurisdiction jurisdiction = leads.survivorOf(workspace, lead)
                .flatMap(survivor -> leads.lead(workspace, survivor))
                .map(state -> gate.jurisdiction(state.traits(), state.privacy()))
                .orElse(Jurisdiction.UNKNOWN);
        return new StatutoryDeadlines(gate.unknown()).of(kind, jurisdiction, received);
    }
}
