package io.attune.server.models;

import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.RuleId;
import io.attune.core.workspace.WorkspaceId;
import io.attune.server.webhook.RuleDescriber;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Describes rules from the model version that decided, as its author wrote them. A version never
 * changes once saved, so its descriptions are read once.
 */
public final class RegistryRuleDescriber implements RuleDescriber {
    private final ModelRegistry models;
    private final Map<String, RuleDescriptions> byVersion = new ConcurrentHashMap<>();

    public RegistryRuleDescriber(ModelRegistry models) {
        this.models = models;
    }

    @Override
    public String describe(WorkspaceId workspace, ModelVersion model, RuleId rule) {
        RuleDescriptions descriptions = byVersion.get(workspace.value() + "/" + model);
        if (descriptions == null) {
            descriptions = models.model(workspace, model).map(stored -> new RuleDescriptions(stored.model()))
                    .orElse(null);
            if (descriptions == null) {
                return "";
            }
            byVersion.put(workspace.value() + "/" + model, descriptions);
        }
        return descriptions.of(rule);
    }
}
