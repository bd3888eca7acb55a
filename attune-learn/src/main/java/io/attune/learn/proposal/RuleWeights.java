package io.attune.learn.proposal;

import java.util.List;
import java.util.Locale;

/**
 * Proposed points for a model's rules, fitted on labelled leads, with the figures a reviewer needs:
 * held-out ROC AUC of the fit, of the proposed points and of the model's current scores on the same
 * held-out leads; the scale {@code k} that turned coefficients into points and how it was chosen; and
 * how many labelled leads reach the threshold under the current and the proposed points.
 */
public record RuleWeights(List<RuleProposal> rules, LearnedTerm learned, Scaling scaling, double scale,
        int trainingLeads, int heldOutLeads, int heldOutPositives, double heldOutAuc, double proposedPointsAuc,
        double currentAuc, int currentMqls, int proposedMqls) {

    public RuleWeights {
        rules = List.copyOf(rules);
    }

    /** How the scale was chosen. */
    public enum Scaling {
        /** As many labelled leads reach the threshold as under the current points. */
        MQL_RATE,
        /** No labelled lead (or every one) reaches the threshold now: the mean score is kept instead. */
        MEAN_SCORE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
