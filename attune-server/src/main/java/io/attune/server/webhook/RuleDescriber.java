package io.attune.server.webhook;

import io.attune.core.model.ModelVersion;
import io.attune.core.model.RuleId;
import io.attune.core.workspace.WorkspaceId;

/**
 * What a rule is for, in its model author's words, so that a hand-off explains itself in the CRM
 * ("Requested a demo") and not only by rule id. Wired from the model registry; a rule it does not
 * know reads as empty text and is shown by its id.
 */
@FunctionalInterface
public interface RuleDescriber {
    RuleDescriber NONE = (workspace, model, rule) -> "";

    String describe(WorkspaceId workspace, ModelVersion model, RuleId rule);
}
