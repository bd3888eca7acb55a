package io.attune.core.ingest;

import io.attune.core.consent.ConsentOutcome;
import io.attune.core.consent.ConsentRecord;
import io.attune.core.identity.LeadId;
import io.attune.core.workspace.WorkspaceId;
import java.util.concurrent.CompletionStage;

/**
 * Where consent changes entered through the API go. They are recorded by the same single writer as
 * events, in order with them, and the stage completes once the change is durable.
 */
public interface ConsentIntake {

    CompletionStage<ConsentOutcome> submit(WorkspaceId workspace, LeadId lead, ConsentRecord change);
}
