package io.attune.server.leads;

import io.attune.core.identity.LeadId;
import io.attune.core.lead.LeadState;
import io.attune.core.query.LeadQueries;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.http.Problem;
import io.attune.server.http.ProblemException;
import io.attune.server.subject.ErasedProblem;
import java.util.Optional;

/**
 * Finds the lead a path id names within the caller's workspace. An id merged into another lead
 * resolves to the survivor, and the answer says so ({@code mergedFrom}) instead of redirecting:
 * one round trip, and clients that keep old ids keep working. A malformed id, an unknown id and
 * another workspace's id all answer the same 404, so ids reveal nothing across workspaces; an erased
 * id's 404 says when it was erased.
 */
final class LeadResolver {
    /** The lead found, and the id asked for when that id was merged away. */
    record Found(LeadState lead, Optional<LeadId> mergedFrom) {
    }

    private final LeadQueries leads;

    LeadResolver(LeadQueries leads) {
        this.leads = leads;
    }

    Found resolve(WorkspaceId workspace, String rawId) {
        if (!LeadId.isValid(rawId)) {
            throw notFound();
        }
        LeadId asked = new LeadId(rawId);
        Optional<LeadState> lead = leads.lead(workspace, asked);
        if (lead.isPresent()) {
            return new Found(lead.get(), Optional.empty());
        }
        return leads.survivorOf(workspace, asked)
                .filter(survivor -> !survivor.equals(asked))
                .flatMap(survivor -> leads.lead(workspace, survivor))
                .map(survivor -> new Found(survivor, Optional.of(asked)))
                .orElseThrow(() -> leads.erasedAt(workspace, asked).map(ErasedProblem::of).orElseGet(
                        LeadResolver::notFound));
    }

    static ProblemException notFound() {
        return new ProblemException(Problem.notFound("No lead with this id in your workspace."));
    }
}
