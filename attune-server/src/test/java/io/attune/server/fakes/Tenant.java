package io.attune.server.fakes;

import io.attune.core.consent.ConsentOutcome;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.event.Event;
import io.attune.core.identity.LeadId;
import io.attune.core.ingest.ApplyLeadAction;
import io.attune.core.ingest.InMemoryLeadBook;
import io.attune.core.ingest.RecordConsent;
import io.attune.core.ingest.RecordEvent;
import io.attune.core.ingest.Recorded;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.ScoringGate;
import io.attune.core.lifecycle.ActionOutcome;
import io.attune.core.lifecycle.LeadAction;
import io.attune.core.lifecycle.LifecyclePolicy;
import io.attune.core.model.ModelCatalog;
import io.attune.core.workspace.WorkspaceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One workspace of the fake store: its keys, and its leads built the real way, by recording events
 * through the core's {@link RecordEvent} into an {@link InMemoryLeadBook}. Merges are remembered as
 * recording reports them, which is how the fake answers {@code survivorOf}.
 */
public final class Tenant {
    private final WorkspaceId id;
    private final String writeKey;
    private final String adminKey;
    private final String readKey;
    private final InMemoryLeadBook book = new InMemoryLeadBook();
    private final Map<LeadId, LeadId> mergedInto = new HashMap<>();
    private final RecordEvent recorder;
    private final ApplyLeadAction actions;

    Tenant(WorkspaceId id, String writeKey, String adminKey, String readKey, ModelCatalog catalog) {
        this.id = id;
        this.writeKey = writeKey;
        this.adminKey = adminKey;
        this.readKey = readKey;
        this.recorder = new RecordEvent(id, catalog, book, new LeadScoring());
        this.actions = new ApplyLeadAction(catalog, book, LifecyclePolicy.DEFAULT);
    }

    /** Records fixture events in order; returns the lead of the last one. */
    public LeadId record(Event... events) {
        LeadId last = null;
        for (Event event : events) {
            Recorded recorded = recordOne(event);
            if (!(recorded instanceof Recorded.Accepted accepted)) {
                throw new IllegalArgumentException("a fixture event was a duplicate: " + event.messageId());
            }
            last = accepted.lead();
        }
        return last;
    }

    /** Records one event as ingestion would, duplicates included; one writer at a time, like the store's. */
    synchronized Recorded recordOne(Event event) {
        Recorded recorded = recorder.record(event);
        if (recorded instanceof Recorded.Accepted accepted) {
            accepted.merged().forEach(merged -> mergedInto.put(merged, accepted.lead()));
        }
        return recorded;
    }

    /** Records a consent change entered through the API as the store's writer would, one at a time with events. */
    synchronized ConsentOutcome recordConsent(LeadId lead, ConsentRecord change) {
        return new RecordConsent(book, ScoringGate.STANDARD).record(lead, change);
    }

    /** Applies a sales action as the store's writer would, one at a time with events. */
    synchronized ActionOutcome apply(LeadAction action) {
        return actions.apply(action);
    }

    public WorkspaceId id() {
        return id;
    }

    /** The write key ingestion authenticates with (as the Basic-auth user name). */
    public String writeKey() {
        return writeKey;
    }

    public String adminKey() {
        return adminKey;
    }

    public String readKey() {
        return readKey;
    }

    public InMemoryLeadBook book() {
        return book;
    }

    Map<LeadId, LeadId> mergedInto() {
        return mergedInto;
    }

    public List<LeadId> leadIds() {
        return book.leads().stream().map(LeadState::id).sorted().toList();
    }
}
