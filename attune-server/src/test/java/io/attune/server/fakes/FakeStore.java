package io.attune.server.fakes;

import io.attune.core.consent.ConsentLedger;
import io.attune.core.consent.Consents;
import io.attune.core.ingest.ActionIntake;
import io.attune.core.ingest.ConsentIntake;
import io.attune.core.model.Segment;
import io.attune.core.model.StoredModel;
import io.attune.core.workspace.Credentials;
import io.attune.core.workspace.Role;
import io.attune.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ports the server needs, in memory: the three the API reads, the intake ingestion writes to, the
 * destinations and outbox of hand-offs, and a way to add workspaces with leads to them.
 */
public final class FakeStore {
    private final InMemoryWorkspaces workspaces = new InMemoryWorkspaces();
    private final InMemoryModelRegistry models = new InMemoryModelRegistry();
    private final InMemoryLeadQueries leads = new InMemoryLeadQueries(models);
    private final Map<WorkspaceId, Tenant> tenants = new ConcurrentHashMap<>();
    private final RecordingIntake intake = new RecordingIntake(tenants::get);
    private final InMemoryDestinations destinations = new InMemoryDestinations();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryEgressLog egress = new InMemoryEgressLog();
    private final InMemoryOutcomes outcomes = new InMemoryOutcomes();
    private final FakeAuditLog audit = new FakeAuditLog();
    private final InMemoryPrivacyClassifications classifications = new InMemoryPrivacyClassifications(audit);

    /** A workspace with an admin and a read key, scoring with the {@code active} ones of {@code models}. */
    public Tenant tenant(String name, Segment defaultSegment, List<StoredModel> stored, Instant at) {
        Credentials credentials = workspaces.create(name, defaultSegment, at);
        String readKey = workspaces.issueApiKey(credentials.workspace().id(), Role.READ, "reader", at);
        models.put(credentials.workspace().id(), defaultSegment, stored);
        Tenant tenant = new Tenant(credentials.workspace().id(), credentials.writeKey(), credentials.adminKey(),
                readKey, models.catalog(credentials.workspace().id()));
        leads.register(tenant);
        tenants.put(tenant.id(), tenant);
        return tenant;
    }

    public InMemoryWorkspaces workspaces() {
        return workspaces;
    }

    public InMemoryModelRegistry models() {
        return models;
    }

    public InMemoryLeadQueries leads() {
        return leads;
    }

    public RecordingIntake intake() {
        return intake;
    }

    public InMemoryDestinations destinations() {
        return destinations;
    }

    public InMemoryOutbox outbox() {
        return outbox;
    }

    public InMemoryOutcomes outcomes() {
        return outcomes;
    }

    /** The egress decisions, in memory. */
    public InMemoryEgressLog egress() {
        return egress;
    }

    /** The audit log, in memory; it can be made to fail, to show that a read it cannot record fails too. */
    public InMemoryPrivacyClassifications classifications() {
        return classifications;
    }

    public FakeAuditLog audit() {
        return audit;
    }

    /** Consent ledgers, read from the tenants' books (a lead of another workspace has none). */
    public Consents consents() {
        return (workspace, lead) -> {
            Tenant tenant = tenants.get(workspace);
            return tenant == null ? ConsentLedger.EMPTY : tenant.book().consents(lead);
        };
    }

    /** Consent changes entered through the API, recorded in the tenant's book at once. */
    public ConsentIntake consentIntake() {
        return (workspace, lead, change) -> CompletableFuture.completedFuture(
                tenants.get(workspace).recordConsent(lead, change));
    }

    /** Sales actions, applied to the tenant's leads at once. */
    public ActionIntake actions() {
        return (workspace, action) -> CompletableFuture.completedFuture(tenants.get(workspace).apply(action));
    }
}
