package io.attune.server.leads;

import io.attune.core.lead.LeadScoring;
import io.attune.core.model.ModelRegistry;
import io.attune.core.privacy.PrivacyClassifications;
import io.attune.core.query.LeadQueries;
import io.attune.core.workspace.Workspaces;
import io.attune.server.audit.PhiReads;
import io.attune.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/**
 * The lead resources: listing and look-up, one lead with its explanation, its stage history, the MQL
 * queue. Every lead answered is recorded in the audit log before the answer is written.
 */
public final class LeadRoutes implements RouteGroup {
    private final LeadListing listing;
    private final LeadDetail detail;

    public LeadRoutes(LeadQueries leads, Workspaces workspaces, PrivacyClassifications classifications,
            ModelRegistry models, LeadScoring scoring, PhiReads reads, Clock clock) {
        this.listing = new LeadListing(leads, models, reads, clock);
        this.detail = new LeadDetail(leads, workspaces, classifications, models, scoring, reads, clock);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/leads", listing::list);
        routes.get("/api/leads/{id}", detail::get);
        routes.get("/api/leads/{id}/transitions", detail::transitions);
        routes.get("/api/mqls", listing::mqls);
    }
}
