package io.attune.learn.proposal;

import io.attune.learn.metric.RocAuc;
import io.attune.learn.model.PlattCalibration;
import io.attune.learn.split.StratifiedSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fits a ridge-regularised logistic regression on each rule's points at the cut-off and turns it into
 * proposed points: a rule's new points are its points × its coefficient × one scale {@code k}, so the
 * proposal's score is {@code k} × the fitted logit (less its intercept). A rule whose coefficient is not
 * significant (Wald test), points the wrong way, or scored for too few leads keeps its points and is
 * flagged for a person: nothing is deleted without someone deciding it.
 */
public final class RuleWeightFit {
    /** The ridge penalty on the standardised weights: one lead's worth of pull towards 0. */
    private static final double RIDGE = 1.0;
    /** A rule whose weight is within 1.96 standard errors of 0 is left to a person (5%, two-sided). */
    private static final double SIGNIFICANT_Z = 1.96;

    private RuleWeightFit() {
    }

    /** A fit, or why there is none. */
    public sealed interface Outcome permits Fitted, Unfit {
    }

    public record Fitted(RuleWeights weights) implements Outcome {
    }

    /** Too few labelled leads, a single class, or no rule that raises the chance of conversion. */
    public record Unfit(String reason) implements Outcome {
    }

    public static Outcome fit(RuleTable table, ProposalSettings settings) {
        int positives = table.positives();
        int negatives = table.rows() - positives;
        if (table.rows() < ProposalSettings.MIN_LABELLED || positives < ProposalSettings.MIN_PER_CLASS
                || negatives < ProposalSettings.MIN_PER_CLASS) {
            return new Unfit("a proposal needs at least " + ProposalSettings.MIN_LABELLED + " labelled leads with at least "
                    + ProposalSettings.MIN_PER_CLASS + " of each class; there are " + table.rows() + " ("
                    + positives + " positive, " + negatives + " negative)");
        }
        StratifiedSplit.Holdout split = StratifiedSplit.holdOut(table.labels(), settings.heldOutShare(), settings.seed());
        Coefficients fitted = coefficients(table, split.training());
        double[] logits = new double[table.rows()];
        double[] ruleParts = new double[table.rows()];
        for (int row = 0; row < table.rows(); row++) {
            ruleParts[row] = fitted.rulePart(table.values()[row]);
            logits[row] = fitted.intercept() + ruleParts[row];
        }
        int currentMqls = (int) Arrays.stream(table.scores()).filter(score -> score >= table.threshold()).count();
        Optional<Scale> scale = scale(ruleParts, table.scores(), currentMqls, table.threshold());
        if (scale.isEmpty()) {
            return new Unfit("the fit found no rule whose points raise the chance of conversion, so there are no "
                    + "points to propose");
        }
        List<RuleProposal> proposals = proposals(table, fitted, scale.get().k(), settings.minSupport());
        double[] proposedScores = proposedScores(table, proposals);
        int[] heldOut = split.heldOut();
        boolean[] heldOutLabels = pick(table.labels(), heldOut);
        double[] heldOutLogits = pick(logits, heldOut);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int rule = 0; rule < table.rules().size(); rule++) {
            if (fitted.perPoint()[rule] != 0) {
                weights.put(table.rules().get(rule), fitted.perPoint()[rule]);
            }
        }
        LearnedTerm learned = new LearnedTerm(fitted.intercept(), weights,
                PlattCalibration.fit(heldOutLogits, heldOutLabels));
        int proposedMqls = (int) Arrays.stream(proposedScores).filter(score -> score >= table.threshold()).count();
        int heldOutPositives = 0;
        for (boolean label : heldOutLabels) {
            heldOutPositives += label ? 1 : 0;
        }
        return new Fitted(new RuleWeights(proposals, learned, scale.get().scaling(), scale.get().k(),
                split.training().length, heldOut.length, heldOutPositives, RocAuc.of(heldOutLogits, heldOutLabels),
                RocAuc.of(pick(proposedScores, heldOut), heldOutLabels),
                RocAuc.of(pick(table.scores(), heldOut), heldOutLabels), currentMqls, proposedMqls));
    }

    /**
     * Logit coefficients per point of each rule, the intercept, and each rule's Wald z (its standardised
     * coefficient over its standard error; 0 for a rule that is constant on the training rows).
     */
    private record Coefficients(double[] perPoint, double intercept, double[] z) {
        double rulePart(double[] values) {
            double sum = 0;
            for (int rule = 0; rule < values.length; rule++) {
                sum += perPoint[rule] * values[rule];
            }
            return sum;
        }
    }

    /**
     * Standardises each rule's values on the training rows (so one ridge penalty fits rules of 2 and of 40
     * points alike), fits by Newton's method, and maps the weights back to per-point coefficients. A rule
     * that is constant on the training rows cannot be told apart from the intercept and gets 0.
     */
    private static Coefficients coefficients(RuleTable table, int[] training) {
        int width = table.rules().size();
        double[] mean = new double[width];
        double[] sd = new double[width];
        List<Integer> varying = new ArrayList<>();
        for (int rule = 0; rule < width; rule++) {
            double sum = 0;
            for (int row : training) {
                sum += table.values()[row][rule];
            }
            mean[rule] = sum / training.length;
            double squares = 0;
            for (int row : training) {
                double d = table.values()[row][rule] - mean[rule];
                squares += d * d;
            }
            // Rounding leaves a constant rule a spread of about 1e-15, which would blow its weight up.
            double spread = Math.sqrt(squares / training.length);
            if (spread > 1e-9 * Math.max(1, Math.abs(mean[rule]))) {
                sd[rule] = spread;
                varying.add(rule);
            }
        }
        double[][] x = new double[training.length][varying.size() + 1];
        boolean[] y = new boolean[training.length];
        for (int i = 0; i < training.length; i++) {
            int row = training[i];
            for (int c = 0; c < varying.size(); c++) {
                int rule = varying.get(c);
                x[i][c] = (table.values()[row][rule] - mean[rule]) / sd[rule];
            }
            x[i][varying.size()] = 1;
            y[i] = table.labels()[row];
        }
        RidgeLogistic fit = RidgeLogistic.fit(x, y, RIDGE);
        double[] perPoint = new double[width];
        double[] z = new double[width];
        double intercept = fit.weights()[varying.size()];
        for (int c = 0; c < varying.size(); c++) {
            int rule = varying.get(c);
            double standardised = fit.weights()[c];
            perPoint[rule] = standardised / sd[rule];
            intercept -= standardised * mean[rule] / sd[rule];
            z[rule] = standardised / fit.standardErrors()[c];
        }
        return new Coefficients(perPoint, intercept, z);
    }

    private record Scale(double k, RuleWeights.Scaling scaling) {
    }

    /**
     * The scale that lets as many labelled leads reach the threshold as do now: the threshold over the
     * rule part of the logit of the lead ranked where the current MQLs end. When no lead (or every lead)
     * reaches it now, the rank says nothing, and the mean score is kept instead.
     */
    private static Optional<Scale> scale(double[] ruleParts, double[] scores, int currentMqls, double threshold) {
        if (currentMqls > 0 && currentMqls < ruleParts.length && threshold > 0) {
            double[] sorted = ruleParts.clone();
            Arrays.sort(sorted);
            double atRank = sorted[sorted.length - currentMqls];
            if (atRank > 0) {
                return Optional.of(new Scale(threshold / atRank, RuleWeights.Scaling.MQL_RATE));
            }
        }
        double meanPart = Arrays.stream(ruleParts).average().orElse(0);
        double meanScore = Arrays.stream(scores).average().orElse(0);
        return meanPart > 0 && meanScore > 0 ? Optional.of(new Scale(meanScore / meanPart,
                RuleWeights.Scaling.MEAN_SCORE)) : Optional.empty();
    }

    private static List<RuleProposal> proposals(RuleTable table, Coefficients fitted, double k, int minSupport) {
        List<RuleProposal> proposals = new ArrayList<>();
        for (int rule = 0; rule < table.rules().size(); rule++) {
            double points = table.points()[rule];
            double coefficient = fitted.perPoint()[rule];
            int support = table.support(rule);
            Optional<String> flag = flag(coefficient, fitted.z()[rule], support, minSupport, points);
            long proposed = Math.round(points);
            if (flag.isEmpty()) {
                // Whole points, and never 0: a rule at 0 points would be a rule deleted without anyone deciding so.
                proposed = Math.round(points * coefficient * k);
                proposed = proposed == 0 ? (long) Math.signum(points) : proposed;
            }
            proposals.add(new RuleProposal(table.rules().get(rule), points, coefficient, support, proposed, flag));
        }
        return proposals;
    }

    private static Optional<String> flag(double coefficient, double z, int support, int minSupport, double points) {
        if (support == 0) {
            return Optional.of("never scored for a labelled lead");
        }
        if (support < minSupport) {
            return Optional.of("scored for only " + support + " labelled leads (fewer than " + minSupport + ")");
        }
        if (coefficient == 0) {
            return Optional.of("scored alike for every training lead, so the outcomes cannot tell its worth");
        }
        if (Math.abs(z) < SIGNIFICANT_Z) {
            return Optional.of(String.format(Locale.ROOT, "not significant (Wald z %.2f, under %.2f)", z,
                    SIGNIFICANT_Z));
        }
        if (coefficient < 0) {
            return Optional.of(points > 0 ? "leads it scored for converted less: it points the wrong way for a "
                    + "positive rule" : "leads it scored for converted more: it points the wrong way for a negative rule");
        }
        return Optional.empty();
    }

    /** Each lead's score under the proposed points: a rule's value scales with its points. */
    private static double[] proposedScores(RuleTable table, List<RuleProposal> proposals) {
        double[] scores = new double[table.rows()];
        for (int row = 0; row < table.rows(); row++) {
            for (int rule = 0; rule < proposals.size(); rule++) {
                scores[row] += table.values()[row][rule] / table.points()[rule] * proposals.get(rule).proposed();
            }
        }
        return scores;
    }

    private static double[] pick(double[] values, int[] rows) {
        return Arrays.stream(rows).mapToDouble(row -> values[row]).toArray();
    }

    private static boolean[] pick(boolean[] values, int[] rows) {
        boolean[] picked = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = values[rows[i]];
        }
        return picked;
    }
}
