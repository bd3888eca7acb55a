package io.attune.server.proposal;

import io.attune.learn.proposal.RuleProposal;
import io.attune.learn.proposal.RuleWeights;
import io.attune.server.http.Problem;
import io.attune.server.jobs.BackgroundJobs;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of the proposal endpoints. A result holds counts, coefficients and AUCs only, never
 * a lead: a proposal reads lead data but does not show any.
 */
public final class ProposalBodies {
    private ProposalBodies() {
    }

    /** {@code result} is present once {@code status} is {@code done}; {@code error} when it is {@code failed}. */
    public record Job(String id, String status, long processed, long total, Result result, String error) {
        public static Job of(BackgroundJobs.Status<Proposal> status) {
            return new Job(status.id(), status.state(), status.processed(), status.total(),
                    status.result().map(ProposalBodies::result).orElse(null), status.error().orElse(null));
        }
    }

    public record Counts(int leads, int labelled, int positives, int negatives, Map<String, Integer> skipped) {
    }

    /** ROC AUCs on the held-out leads: the fit's, the proposed points', and the base model's scores'. */
    public record HeldOut(int leads, int positives, double fitAuc, double proposedPointsAuc, double currentAuc) {
    }

    /** How coefficients became points, and how many labelled leads reach the threshold before and after. */
    public record Scaling(String method, double k, int currentMqls, int proposedMqls) {
    }

    /** {@code flag} says why a person must decide; the rule keeps its points in the draft. */
    public record Rule(String rule, double points, double coefficient, int support, long proposed, boolean changed,
            String flag) {
    }

    /**
     * {@code outcome} is {@code drafted} (with {@code draft} and the rest) or {@code not-proposed}
     * (with {@code problem}, and for a draft that did not check, its {@code problems}).
     */
    public record Result(String outcome, String base, String draft, Counts counts, HeldOut heldOut, Scaling scaling,
            List<Rule> rules, String learned, String source, Problem problem, List<String> problems) {
    }

    public static Result result(Proposal proposal) {
        if (proposal instanceof Proposal.Drafted drafted) {
            RuleWeights weights = drafted.weights();
            return new Result("drafted", drafted.base().toString(), drafted.draft().toString(), counts(drafted.counts()),
                    new HeldOut(weights.heldOutLeads(), weights.heldOutPositives(), round(weights.heldOutAuc()),
                            round(weights.proposedPointsAuc()), round(weights.currentAuc())),
                    new Scaling(weights.scaling().wireName(), weights.scale(), weights.currentMqls(),
                            weights.proposedMqls()),
                    weights.rules().stream().map(ProposalBodies::rule).toList(), drafted.learned(), drafted.source(),
                    null, List.of());
        }
        Proposal.NotProposed not = (Proposal.NotProposed) proposal;
        return new Result("not-proposed", not.base().toString(), null, counts(not.counts()), null, null, List.of(),
                null, null, Problem.of(not.type(), not.title(), 422, not.detail()), not.problems());
    }

    private static Rule rule(RuleProposal rule) {
        return new Rule(rule.rule(), rule.points(), rule.coefficient(), rule.support(), rule.proposed(), rule.changed(),
                rule.flag().orElse(null));
    }

    private static Counts counts(Proposal.Counts counts) {
        return new Counts(counts.leads(), counts.labelled(), counts.positives(), counts.negatives(), counts.skipped());
    }

    /** AUCs to four places: enough to compare two models, not float noise. */
    private static double round(double auc) {
        return Math.round(auc * 10_000) / 10_000.0;
    }
}
