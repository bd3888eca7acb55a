package io.attune.learn.train;

import io.attune.learn.column.LearningTable;
import io.attune.learn.leakage.LeakageReport;
import io.attune.learn.threshold.ThresholdAdvice;
import io.attune.learn.threshold.TradeOffCurve;
import java.util.List;
import java.util.Optional;

/**
 * Everything one training run found: how the table was read, what leaked, each model's figures,
 * which model is recommended (the best cross-validated AUC — chosen without looking at the held-out
 * rows), the trade-off curve of its held-out scores and any threshold advice.
 */
public record TrainingReport(TrainingOptions options, LearningTable table, int trainingRows, boolean[] heldOutLabels,
                             LeakageReport leakage, List<ModelEvaluation> models, String recommended,
                             TradeOffCurve tradeOff, Optional<ThresholdAdvice> advice, List<String> warnings) {
    public TrainingReport {
        models = List.copyOf(models);
        warnings = List.copyOf(warnings);
    }

    public int heldOutRows() {
        return heldOutLabels.length;
    }

    public ModelEvaluation recommendedModel() {
        return models.stream().filter(model -> model.kind().equals(recommended)).findFirst().orElseThrow();
    }
}
