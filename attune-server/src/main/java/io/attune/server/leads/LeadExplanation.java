package io.attune.server.leads;

import io.attune.core.account.AccountState;
import io.attune.core.account.AccountTraits;
import io.attune.core.lead.LeadScoring;
import io.attune.core.lead.LeadState;
import io.attune.core.lead.Safeguards;
import io.attune.core.lead.ScoringGate;
import io.attune.core.model.ScoringModel;
import io.attune.core.privacy.PrivacyClassifications;
import io.attune.core.query.LeadQueries;
import io.attune.core.scoring.Contribution;
import io.attune.core.workspace.WorkspaceId;
import io.attune.core.workspace.Workspaces;
import io.attune.server.http.Numbers;
import io.attune.server.leads.LeadBodies.LedgerEntry;
import io.attune.server.models.RuleDescriptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The full contribution ledger of a lead. The stored score keeps only sums (so reads are O(1)), so
 * the ledger is recomputed by replaying the lead's history under its model; scoring is a pure
 * function of the events, which is what makes the replay equal to what was recorded.
 */
final class LeadExplanation {
    private final LeadQueries leads;
    private final Workspaces workspaces;
    private final PrivacyClassifications classifications;
    private final LeadScoring scoring;

    LeadExplanation(LeadQueries leads, Workspaces workspaces, PrivacyClassifications classifications,
            LeadScoring scoring) {
        this.leads = leads;
        this.classifications = classifications;
        this.workspaces = workspaces;
        this.scoring = scoring;
    }

    List<LedgerEntry> ledger(WorkspaceId workspace, LeadState lead, ScoringModel model, Instant now) {
        Map<String, Object> account = lead.account().flatMap(id -> leads.account(workspace, id))
                .map(AccountState::traits).map(AccountTraits::facts).orElse(Map.of());
        // the same gate and dictionary as recording, so that what they kept from scoring is not explained as points
        ScoringGate gate = workspaces.settings(workspace).privacy().scoringGate();
        Safeguards safeguards = new Safeguards(gate, classifications.dataDictionary(workspace),
                () -> leads.consents(workspace, lead.id()),
                Optional.of(gate.jurisdiction(lead.traits(), lead.privacy())));
        LeadScoring.Replay replay = scoring.replay(model, lead, leads.history(workspace, lead.id()), account,
                safeguards);
        RuleDescriptions descriptions = new RuleDescriptions(model);
        return replay.contributions().stream().map(c -> entry(c, model, descriptions, now)).toList();
    }

    private static LedgerEntry entry(Contribution contribution, ScoringModel model, RuleDescriptions descriptions,
            Instant now) {
        return new LedgerEntry(contribution.rule().value(), descriptions.of(contribution.rule()),
                Numbers.round(contribution.points()), Numbers.round(contribution.valueAt(now, model.decay())),
                contribution.event().value(), contribution.at());
    }
}
