package io.attune.server.proposal;

import io.attune.core.model.ModelRegistry;
import io.attune.core.model.ModelVersion;
import io.attune.core.model.ModelVersions;
import io.attune.core.model.StoredModel;
import io.attune.core.outcome.Outcomes;
import io.attune.core.query.LeadQueries;
import io.attune.core.workspace.Principal;
import io.attune.core.workspace.WorkspaceId;
import io.attune.learn.proposal.ProposalSettings;
import io.attune.learn.proposal.RuleProposal;
import io.attune.learn.proposal.RuleWeightFit;
import io.attune.learn.proposal.RuleWeights;
import io.attune.server.backtest.Backtester;
import io.attune.server.jobs.BackgroundJobs;
import io.attune.store.model.ProposedModelText;
import io.attune.store.model.ProposedModelText.LearnedSection;
import io.attune.store.model.ProposedModelText.RuleEdit;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Proposes rule points for a stored model version from its segment's stored outcomes and stores them
 * as a new draft version of the same model, written by the caller, which then goes through the usual
 * review (propose, approval by someone else, activation).
 */
public final class RuleProposer {
    private final TrainingLeads training;
    private final ModelRegistry models;
    private final ModelVersions versions;
    private final Clock clock;
    private final ProposedModelText writer = new ProposedModelText();

    public RuleProposer(Backtester backtester, LeadQueries leads, Outcomes outcomes, ModelRegistry models,
            ModelVersions versions, Clock clock) {
        this.training = new TrainingLeads(backtester, leads, outcomes);
        this.models = models;
        this.versions = versions;
        this.clock = clock;
    }

    public Proposal propose(WorkspaceId workspace, StoredModel base, ProposalRequest request, Principal author,
            BackgroundJobs.Progress progress) {
        TrainingLeads.Training data = training.collect(workspace, base.model(), request, progress);
        int positives = data.table().positives();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        data.skipped().forEach((why, count) -> skipped.put(why.reason, count));
        Proposal.Counts counts = new Proposal.Counts(data.leads(), data.table().rows(), positives,
                data.table().rows() - positives, skipped);
        RuleWeightFit.Outcome fit = RuleWeightFit.fit(data.table(), ProposalSettings.withSeed(request.seed()));
        if (fit instanceof RuleWeightFit.Unfit unfit) {
            return new Proposal.NotProposed(request.base(), "not-enough-labels", "No proposal from these outcomes",
                    unfit.reason() + ".", counts, List.of());
        }
        RuleWeights weights = ((RuleWeightFit.Fitted) fit).weights();
        String asOf = request.asOf().atZone(ZoneOffset.UTC).toLocalDate().toString();
        String trainedOn = String.format(Locale.ROOT, "%s outcomes to %s: %d leads (%d positive), held-out ROC AUC %.2f",
                request.base(), asOf, counts.labelled(), positives, weights.heldOutAuc());
        LearnedSection learned = learned(weights, request, base, trainedOn);
        Map<String, RuleEdit> edits = new LinkedHashMap<>();
        for (RuleProposal rule : weights.rules()) {
            edits.put(rule.rule(), new RuleEdit(rule.proposed(), rule.flag()));
        }
        List<String> header = header(request, counts, weights, asOf);
        return draft(workspace, base, request, author, counts, weights, edits, header, learned);
    }

    private Proposal draft(WorkspaceId workspace, StoredModel base, ProposalRequest request, Principal author,
            Proposal.Counts counts, RuleWeights weights, Map<String, RuleEdit> edits, List<String> header,
            LearnedSection learned) {
        int version = nextVersion(workspace, request.base());
        for (int attempt = 0; attempt < 2; attempt++) {
            String source = writer.write(base.source(), version, header, edits,
                    request.includeLearned() ? Optional.of(learned) : Optional.empty());
            ModelVersions.DraftOutcome outcome = versions.draft(workspace, source, author, clock.instant());
            if (outcome instanceof ModelVersions.Drafted drafted) {
                return new Proposal.Drafted(request.base(), drafted.model().version(), counts, weights, source,
                        ProposedModelText.yaml(learned));
            }
            if (outcome instanceof ModelVersions.Invalid invalid) {
                return new Proposal.NotProposed(request.base(), "invalid-draft", "The proposed model does not check",
                        "The proposed YAML did not check as a model; nothing was stored.", counts,
                        invalid.problems().stream().map(Object::toString).toList());
            }
            // Someone stored this version meanwhile: take the next free one.
            version = ((ModelVersions.VersionTaken) outcome).nextFree();
        }
        return new Proposal.NotProposed(request.base(), "version-taken", "Version taken",
                "Other versions of " + request.base().modelId() + " were being stored at the same time; ask again.",
                counts, List.of());
    }

    private int nextVersion(WorkspaceId workspace, ModelVersion base) {
        return models.models(workspace).stream().map(StoredModel::version)
                .filter(version -> version.modelId().equals(base.modelId()))
                .mapToInt(ModelVersion::version).max().orElse(base.version()) + 1;
    }

    /**
     * The learned term is worth the model's threshold unless asked otherwise: a lead the fit is sure of
     * gets as much from it as qualifying takes, and one it rules out gets nothing.
     */
    private static LearnedSection learned(RuleWeights weights, ProposalRequest request, StoredModel base,
            String trainedOn) {
        long points = request.learnedPoints().isPresent() ? request.learnedPoints().getAsInt()
                : Math.max(1, Math.min(ProposalRequest.MAX_LEARNED_POINTS, Math.round(base.model().threshold())));
        return new LearnedSection(points, weights.learned().intercept(), weights.learned().weights(),
                weights.learned().calibration().slope(), weights.learned().calibration().intercept(), trainedOn);
    }

    private static List<String> header(ProposalRequest request, Proposal.Counts counts, RuleWeights weights,
            String asOf) {
        return List.of(
                String.format(Locale.ROOT, "Proposed from %s by attune on stored outcomes to %s: %d labelled leads "
                        + "(%d positive, %d negative).", request.base(), asOf, counts.labelled(), counts.positives(),
                        counts.negatives()),
                String.format(Locale.ROOT, "A regularised logistic regression on each rule's points at the lead's "
                        + "cut-off (seed %d); held-out ROC AUC %.3f, against %.3f for %s's scores on the same leads.",
                        request.seed(), weights.heldOutAuc(), weights.currentAuc(), request.base()),
                String.format(Locale.ROOT, "New points = points × coefficient × %.4g (scaled to keep the %s), "
                        + "rounded; rules marked below are left to a person.", weights.scale(),
                        weights.scaling() == RuleWeights.Scaling.MQL_RATE ? "MQL rate at the threshold"
                                : "mean score"),
                "A draft: review it (diff against " + request.base() + ") before proposing it for approval.",
                "");
    }
}
