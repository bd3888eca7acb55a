package io.attune.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.learn.column.ColumnDecision;
import io.attune.learn.leakage.LeakageReport;
import io.attune.learn.metric.DecileLift;
import io.attune.learn.model.Explanation;
import io.attune.learn.threshold.ThresholdAdvice;
import io.attune.learn.threshold.ThresholdGoal;
import io.attune.learn.train.ModelEvaluation;
import io.attune.learn.train.TrainingReport;
import java.util.List;
import java.util.Locale;

/** {@code attune train --format json}: the figures as one JSON object, numbers rounded to what is meaningful. */
final class TrainingJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingJson() {
    }

    static String of(TrainingReport report, String source) {
        ObjectNode root = JSON.createObjectNode();
        root.put("csv", source);
        root.put("label", report.options().label());
        root.put("positiveValue", report.table().positiveValue());
        root.put("rows", report.table().rows());
        root.put("positives", report.table().positives());
        root.put("unlabelledRows", report.table().unlabelledRows());
        root.put("malformedRows", report.table().malformedRows());
        root.put("trainingRows", report.trainingRows());
        root.put("heldOutRows", report.heldOutRows());
        root.put("seed", report.options().seed());
        root.put("recommended", report.recommended());
        ArrayNode models = root.putArray("models");
        report.models().forEach(model -> models.add(model(model)));
        root.set("leakage", leakage(report.leakage()));
        ArrayNode columns = root.putArray("columns");
        for (ColumnDecision decision : report.table().columns()) {
            ObjectNode column = columns.addObject();
            column.put("name", decision.name());
            column.put("role", decision.role().name().toLowerCase(Locale.ROOT));
            column.put("missing", decision.missing());
            column.put("distinct", decision.distinct());
            if (!decision.note().isEmpty()) {
                column.put("note", decision.note());
            }
        }
        report.advice().ifPresent(advice -> root.set("threshold", threshold(advice)));
        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        return root.toString();
    }

    private static ObjectNode model(ModelEvaluation evaluation) {
        ObjectNode model = JSON.createObjectNode();
        model.put("model", evaluation.kind());
        model.put("rocAuc", round(evaluation.rocAuc()));
        model.put("accuracy", round(evaluation.accuracy()));
        model.put("precision", round(evaluation.precision()));
        model.put("recall", round(evaluation.recall()));
        model.put("brierScore", round(evaluation.brierScore()));
        ObjectNode cv = model.putObject("crossValidation");
        cv.put("rocAucMean", round(evaluation.cvAucMean()));
        cv.put("rocAucSd", round(evaluation.cvAucSd()));
        ArrayNode folds = cv.putArray("foldRocAucs");
        evaluation.foldAucs().forEach(auc -> folds.add(round(auc)));
        ObjectNode calibration = model.putObject("plattCalibration");
        calibration.put("slope", round(evaluation.model().calibration().slope()));
        calibration.put("intercept", round(evaluation.model().calibration().intercept()));
        ArrayNode lift = model.putArray("liftByDecile");
        for (DecileLift.Decile decile : evaluation.deciles()) {
            ObjectNode row = lift.addObject();
            row.put("decile", decile.decile());
            row.put("rows", decile.rows());
            row.put("positives", decile.positives());
            row.put("lift", round(decile.lift()));
        }
        ArrayNode examples = model.putArray("topHeldOutLeads");
        for (ModelEvaluation.Example example : evaluation.examples()) {
            ObjectNode lead = examples.addObject();
            lead.put("id", example.id());
            lead.put("probability", round(example.probability()));
            lead.put("baseline", round(example.explanation().baseline()));
            ArrayNode reasons = lead.putArray("contributions");
            for (Explanation.Contribution contribution : example.explanation().contributions()) {
                reasons.addObject().put("column", contribution.column()).put("value", contribution.value())
                        .put("logit", round(contribution.logit()));
            }
        }
        return model;
    }

    private static ObjectNode leakage(LeakageReport leakage) {
        ObjectNode node = JSON.createObjectNode();
        node.set("dropped", findings(leakage.dropped()));
        node.set("excluded", findings(leakage.excluded()));
        node.set("suspects", findings(leakage.suspects()));
        return node;
    }

    private static ArrayNode findings(List<LeakageReport.Finding> findings) {
        ArrayNode array = JSON.createArrayNode();
        for (LeakageReport.Finding finding : findings) {
            ObjectNode node = array.addObject();
            node.put("column", finding.column());
            if (!Double.isNaN(finding.singleColumnAuc())) {
                node.put("singleColumnAuc", round(finding.singleColumnAuc()));
            }
            node.put("reason", finding.reason());
        }
        return array;
    }

    private static ObjectNode threshold(ThresholdAdvice advice) {
        ObjectNode node = JSON.createObjectNode();
        if (advice.goal() instanceof ThresholdGoal.Capacity capacity) {
            node.put("capacity", capacity.mqlsPerWeek());
            node.put("weeklyLeads", capacity.leadsPerWeek());
            node.put("expectedMqlsPerWeek", round(advice.mqlsPerWeek()));
        } else if (advice.goal() instanceof ThresholdGoal.TargetPrecision target) {
            node.put("targetPrecision", target.precision());
        }
        node.put("met", advice.met());
        node.put("threshold", round(advice.at().threshold()));
        node.put("flaggedShare", round(advice.at().flaggedShare()));
        node.put("precision", round(advice.at().precision()));
        node.put("recall", round(advice.at().recall()));
        node.put("summary", advice.summary());
        return node;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
