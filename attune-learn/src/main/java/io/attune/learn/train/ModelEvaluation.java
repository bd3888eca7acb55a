package io.attune.learn.train;

import io.attune.learn.metric.CalibrationBins;
import io.attune.learn.metric.DecileLift;
import io.attune.learn.metric.RocCurve;
import io.attune.learn.metric.ScoreHistogram;
import io.attune.learn.model.CalibratedModel;
import io.attune.learn.model.Explanation;
import java.util.List;

/**
 * One model's figures. Cross-validation AUCs come from the training part; everything else from the
 * held-out rows, which no step of training saw. Accuracy, precision and recall are at probability 0.5.
 *
 * @param heldOutProbabilities calibrated probabilities of the held-out rows, in held-out row order
 * @param examples             explanations of the highest-scored held-out leads
 */
public record ModelEvaluation(String kind, CalibratedModel model, List<Double> foldAucs, double rocAuc,
                              double accuracy, double precision, double recall, double brierScore,
                              List<RocCurve.Point> roc, List<CalibrationBins.Bin> calibration,
                              List<DecileLift.Decile> deciles, ScoreHistogram histogram,
                              double[] heldOutProbabilities, List<Example> examples) {
    public ModelEvaluation {
        foldAucs = List.copyOf(foldAucs);
        roc = List.copyOf(roc);
        calibration = List.copyOf(calibration);
        deciles = List.copyOf(deciles);
        examples = List.copyOf(examples);
    }

    /** A held-out lead: its id (see {@code LearningTable.rowIds}), probability and why. */
    public record Example(String id, double probability, Explanation explanation) {
    }

    public double cvAucMean() {
        return foldAucs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    public double cvAucSd() {
        double mean = cvAucMean();
        return Math.sqrt(foldAucs.stream().mapToDouble(auc -> (auc - mean) * (auc - mean)).average().orElse(0));
    }
}
