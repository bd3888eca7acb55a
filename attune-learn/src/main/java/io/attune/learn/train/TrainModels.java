package io.attune.learn.train;

import io.attune.learn.column.ColumnInference;
import io.attune.learn.column.FeatureColumn;
import io.attune.learn.column.LearningTable;
import io.attune.learn.leakage.LeakageCheck;
import io.attune.learn.leakage.LeakageReport;
import io.attune.learn.metric.CalibrationBins;
import io.attune.learn.metric.Confusion;
import io.attune.learn.metric.DecileLift;
import io.attune.learn.metric.RocAuc;
import io.attune.learn.metric.RocCurve;
import io.attune.learn.metric.ScoreHistogram;
import io.attune.learn.model.CalibratedModel;
import io.attune.learn.model.GradientBoostingLearner;
import io.attune.learn.model.LearnedModel;
import io.attune.learn.model.Learner;
import io.attune.learn.model.LogisticRegressionLearner;
import io.attune.learn.model.PlattCalibration;
import io.attune.learn.split.StratifiedSplit;
import io.attune.learn.table.Table;
import io.attune.learn.threshold.ThresholdAdvisor;
import io.attune.learn.threshold.TradeOffCurve;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Trains logistic regression and gradient-boosted trees on a labelled table and evaluates them
 * honestly: columns are typed, a stratified share is held out before anything is fitted, leaks are
 * looked for on the training part and dropped, each model is cross-validated on the training part
 * (the out-of-fold scores also fit its Platt calibration), refitted on the whole training part, and
 * only then scored on the held-out rows.
 */
public final class TrainModels {
    /** A held-out AUC above this on lead data almost always means the outcome is in the inputs. */
    static final double IMPLAUSIBLE_AUC = 0.99;
    private static final int EXAMPLES = 5;
    private static final int BINS = 10;

    private final List<Learner> learners;

    public TrainModels(List<Learner> learners) {
        this.learners = List.copyOf(learners);
    }

    /** Logistic regression (Tribuo) and gradient-boosted trees with their default settings. */
    public static TrainModels withDefaultLearners(long seed) {
        return new TrainModels(List.of(new LogisticRegressionLearner(10, seed), GradientBoostingLearner.defaults(seed)));
    }

    public TrainingReport run(Table table, TrainingOptions options) {
        LearningTable prepared = ColumnInference.prepare(table, options.label(), options.id(), options.exclude());
        return run(prepared, options);
    }

    public TrainingReport run(LearningTable prepared, TrainingOptions options) {
        StratifiedSplit.Holdout holdout = StratifiedSplit.holdOut(prepared.labels(), options.heldOutShare(), options.seed());
        requireBothOutcomes(prepared.labels(), holdout.training(), "training");
        requireBothOutcomes(prepared.labels(), holdout.heldOut(), "held-out");
        LeakageReport leakage = LeakageCheck.run(prepared, holdout.training(), options.seed());
        LearningTable table = prepared.without(leakage.droppedColumns(), "dropped: predicts the label almost perfectly");
        if (table.features().isEmpty()) {
            throw new IllegalArgumentException("no usable feature columns are left to learn from");
        }
        List<StratifiedSplit.Holdout> folds = folds(table.labels(), holdout.training(), options);
        boolean[] heldOutLabels = labelsOf(table.labels(), holdout.heldOut());
        List<ModelEvaluation> evaluations = new ArrayList<>();
        for (Learner learner : learners) {
            evaluations.add(evaluate(learner, table, holdout, folds, heldOutLabels, options));
        }
        ModelEvaluation recommended = evaluations.stream()
                .max(Comparator.comparingDouble(ModelEvaluation::cvAucMean)).orElseThrow();
        TradeOffCurve tradeOff = TradeOffCurve.of(recommended.heldOutProbabilities(), heldOutLabels);
        var advice = options.goal().map(goal -> ThresholdAdvisor.advise(goal, recommended.heldOutProbabilities(), heldOutLabels));
        return new TrainingReport(options, table, holdout.training().length, heldOutLabels, leakage, evaluations,
                recommended.kind(), tradeOff, advice, warnings(evaluations));
    }

    private ModelEvaluation evaluate(Learner learner, LearningTable table, StratifiedSplit.Holdout holdout,
                                     List<StratifiedSplit.Holdout> folds, boolean[] heldOutLabels,
                                     TrainingOptions options) {
        List<FeatureColumn> columns = table.features();
        boolean[] labels = table.labels();
        // Folds are independent; the two cores share them.
        List<double[]> foldLogits = folds.parallelStream()
                .map(fold -> learner.fit(columns, labels, fold.training()).logits(columns, fold.heldOut())).toList();
        List<Double> foldAucs = new ArrayList<>();
        List<Double> outOfFoldLogits = new ArrayList<>();
        List<Boolean> outOfFoldLabels = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            boolean[] foldLabels = labelsOf(labels, folds.get(f).heldOut());
            foldAucs.add(RocAuc.of(foldLogits.get(f), foldLabels));
            for (int i = 0; i < foldLabels.length; i++) {
                outOfFoldLogits.add(foldLogits.get(f)[i]);
                outOfFoldLabels.add(foldLabels[i]);
            }
        }
        PlattCalibration calibration = PlattCalibration.fit(
                outOfFoldLogits.stream().mapToDouble(Double::doubleValue).toArray(), unbox(outOfFoldLabels));
        LearnedModel model = learner.fit(columns, labels, holdout.training());
        CalibratedModel calibrated = new CalibratedModel(model, calibration);
        double[] probabilities = calibrated.probabilities(columns, holdout.heldOut());
        Confusion atHalf = Confusion.at(probabilities, heldOutLabels, 0.5);
        return new ModelEvaluation(learner.kind(), calibrated, foldAucs, RocAuc.of(probabilities, heldOutLabels),
                atHalf.accuracy(), atHalf.precision(), atHalf.recall(),
                CalibrationBins.brierScore(probabilities, heldOutLabels), RocCurve.of(probabilities, heldOutLabels),
                CalibrationBins.of(probabilities, heldOutLabels, BINS), DecileLift.of(probabilities, heldOutLabels),
                ScoreHistogram.of(probabilities, heldOutLabels, BINS * 2), probabilities,
                examples(calibrated, table, holdout.heldOut(), probabilities));
    }

    private static List<ModelEvaluation.Example> examples(CalibratedModel model, LearningTable table,
                                                          int[] heldOut, double[] probabilities) {
        return IntStream.range(0, heldOut.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed()).limit(EXAMPLES)
                .map(i -> new ModelEvaluation.Example(table.rowIds()[heldOut[i]], probabilities[i],
                        model.model().explain(table.features(), heldOut[i])))
                .toList();
    }

    private static List<StratifiedSplit.Holdout> folds(boolean[] labels, int[] training, TrainingOptions options) {
        List<int[]> folds = StratifiedSplit.folds(labels, training, options.folds(), options.seed());
        List<StratifiedSplit.Holdout> splits = new ArrayList<>();
        for (int[] fold : folds) {
            requireBothOutcomes(labels, fold, "cross-validation fold");
            splits.add(new StratifiedSplit.Holdout(StratifiedSplit.complement(training, fold), fold));
        }
        return splits;
    }

    private static List<String> warnings(List<ModelEvaluation> evaluations) {
        List<String> warnings = new ArrayList<>();
        for (ModelEvaluation evaluation : evaluations) {
            if (evaluation.rocAuc() > IMPLAUSIBLE_AUC) {
                warnings.add(String.format(Locale.ROOT, "%s: held-out ROC AUC %.3f is implausibly high for lead data; "
                        + "look for a column that records the outcome and --exclude it", evaluation.kind(), evaluation.rocAuc()));
            }
        }
        return warnings;
    }

    private static void requireBothOutcomes(boolean[] labels, int[] rows, String part) {
        int positives = 0;
        for (int row : rows) {
            positives += labels[row] ? 1 : 0;
        }
        if (positives == 0 || positives == rows.length) {
            throw new IllegalArgumentException("the " + part + " rows need both outcomes; the table has too few "
                    + (positives == 0 ? "converted" : "not converted") + " rows to learn from");
        }
    }

    private static boolean[] labelsOf(boolean[] labels, int[] rows) {
        boolean[] subset = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            subset[i] = labels[rows[i]];
        }
        return subset;
    }

    private static boolean[] unbox(List<Boolean> values) {
        boolean[] array = new boolean[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
