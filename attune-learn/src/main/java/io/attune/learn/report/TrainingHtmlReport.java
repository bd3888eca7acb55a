package io.attune.learn.report;

import io.attune.learn.column.ColumnDecision;
import io.attune.learn.leakage.LeakageReport;
import io.attune.learn.metric.DecileLift;
import io.attune.learn.model.BoostedTrees;
import io.attune.learn.model.Explanation;
import io.attune.learn.model.LogisticModel;
import io.attune.learn.threshold.ThresholdAdvice;
import io.attune.learn.threshold.TradeOffCurve;
import io.attune.learn.train.ModelEvaluation;
import io.attune.learn.train.TrainingReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The {@code attune train} report as one HTML page with inline SVG charts. */
public final class TrainingHtmlReport {
    private static final int TOP_FEATURES = 12;
    private static final int TOP_REASONS = 4;

    private TrainingHtmlReport() {
    }

    public static String render(TrainingReport report, String source) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Attune training report: ")
                .append(Html.escape(source)).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:1100px;color:#222}")
                .append("table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:left;font-size:14px}th{background:#f3f3f3}.num{text-align:right}")
                .append(".charts{display:flex;flex-wrap:wrap;gap:12px}.warn{color:#a40000}</style></head><body>");
        html.append("<h1>Attune training report</h1>");
        summary(html, report, source);
        models(html, report);
        charts(html, report);
        threshold(html, report);
        leakage(html, report.leakage());
        columns(html, report.table().columns());
        weights(html, report);
        examples(html, report.recommendedModel());
        return html.append("</body></html>").toString();
    }

    private static void summary(StringBuilder html, TrainingReport report, String source) {
        var table = report.table();
        html.append("<p>").append(Html.escape(source)).append(": ").append(table.rows()).append(" labelled rows, ")
                .append(table.positives()).append(" converted (label '").append(Html.escape(report.options().label()))
                .append("' = '").append(Html.escape(table.positiveValue())).append("', ")
                .append(pct((double) table.positives() / table.rows())).append(")");
        if (table.unlabelledRows() > 0 || table.malformedRows() > 0) {
            html.append("; left out: ").append(table.unlabelledRows()).append(" rows without a label, ")
                    .append(table.malformedRows()).append(" with the wrong number of fields");
        }
        html.append(". Trained on ").append(report.trainingRows()).append(" rows with ").append(report.options().folds())
                .append("-fold cross-validation; every figure below is on the ").append(report.heldOutRows())
                .append(" held-out rows (stratified ").append(pct(report.options().heldOutShare())).append(", seed ")
                .append(report.options().seed()).append(") unless it says otherwise. Recommended model: <b>")
                .append(report.recommended()).append("</b> (best cross-validated AUC).</p>");
        for (String warning : report.warnings()) {
            html.append("<p class=\"warn\">").append(Html.escape(warning)).append("</p>");
        }
    }

    private static void models(StringBuilder html, TrainingReport report) {
        html.append("<h2>Models</h2><table><tr><th>model</th><th>CV ROC AUC (training part)</th><th>held-out ROC AUC</th>")
                .append("<th>accuracy at 0.5</th><th>precision at 0.5</th><th>recall at 0.5</th><th>Brier score</th>")
                .append("<th>calibration</th></tr>");
        for (ModelEvaluation model : report.models()) {
            html.append("<tr><td>").append(name(model.kind())).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.3f ± %.3f", model.cvAucMean(), model.cvAucSd()))
                    .append("</td>").append(num(model.rocAuc())).append(num(model.accuracy())).append(num(model.precision()))
                    .append(num(model.recall())).append(num(model.brierScore())).append("<td>Platt: ")
                    .append(String.format(Locale.ROOT, "p = σ(%.3f × logit %+.3f)", model.model().calibration().slope(),
                            model.model().calibration().intercept()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void charts(StringBuilder html, TrainingReport report) {
        List<SvgChart.Series> roc = new ArrayList<>();
        List<SvgChart.Series> calibration = new ArrayList<>();
        List<SvgChart.Series> lift = new ArrayList<>();
        for (int m = 0; m < report.models().size(); m++) {
            ModelEvaluation model = report.models().get(m);
            String colour = SvgChart.COLOURS.get(m % SvgChart.COLOURS.size());
            String label = name(model.kind()) + String.format(Locale.ROOT, " (AUC %.3f)", model.rocAuc());
            roc.add(new SvgChart.Series(label, colour, model.roc().stream()
                    .map(p -> new double[] {p.falsePositiveRate(), p.truePositiveRate()}).toList(), false));
            calibration.add(new SvgChart.Series(name(model.kind()), colour, model.calibration().stream()
                    .map(bin -> new double[] {bin.meanPredicted(), bin.observedRate()}).toList(), true));
            lift.add(new SvgChart.Series(name(model.kind()), colour, model.deciles().stream()
                    .map(decile -> new double[] {decile.decile(), decile.lift()}).toList(), false));
        }
        double maxLift = report.models().stream().flatMap(model -> model.deciles().stream())
                .mapToDouble(DecileLift.Decile::lift).max().orElse(1);
        html.append("<h2>Charts</h2><div class=\"charts\">");
        html.append(SvgChart.lines("ROC (held out)", "false positive rate", "true positive rate", 1, 1, true, roc, List.of(),
                0.25));
        html.append(SvgChart.lines("Calibration (held out)", "mean predicted probability", "observed conversion rate",
                1, 1, true, calibration, List.of(), 0.25));
        html.append(SvgChart.bars("Lift by score decile (held out)", "decile (1 = highest scores)", "lift over base rate",
                List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), Math.ceil(maxLift), lift));
        html.append(distribution(report));
        html.append(tradeOff(report));
        html.append("</div>");
    }

    private static String distribution(TrainingReport report) {
        ModelEvaluation model = report.recommendedModel();
        int[] positives = model.histogram().positives();
        int[] negatives = model.histogram().negatives();
        int totalPositives = Arrays.stream(positives).sum();
        int totalNegatives = Arrays.stream(negatives).sum();
        List<double[]> converted = new ArrayList<>();
        List<double[]> notConverted = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        double max = 0;
        for (int bin = 0; bin < positives.length; bin++) {
            double p = (double) positives[bin] / Math.max(1, totalPositives);
            double n = (double) negatives[bin] / Math.max(1, totalNegatives);
            converted.add(new double[] {bin, p});
            notConverted.add(new double[] {bin, n});
            max = Math.max(max, Math.max(p, n));
            categories.add(bin % 4 == 0 ? String.format(Locale.ROOT, "%.1f", (double) bin / positives.length) : "");
        }
        return SvgChart.bars("Score distribution, " + name(model.kind()) + " (held out)", "calibrated probability",
                "share of the group", categories, Math.ceil(max * 10) / 10, List.of(
                        new SvgChart.Series("converted", SvgChart.COLOURS.get(2), converted, false),
                        new SvgChart.Series("not converted", "#999999", notConverted, false)));
    }

    private static String tradeOff(TrainingReport report) {
        List<TradeOffCurve.Point> points = report.tradeOff().points();
        List<double[]> markers = report.advice().map(advice -> List.of(new double[] {advice.at().flaggedShare(), 0}))
                .orElse(List.of());
        return SvgChart.lines("Threshold trade-off, " + name(report.recommended()) + " (held out)",
                "share of leads flagged as MQL", "rate", 1, 1, false, List.of(
                        new SvgChart.Series("precision (MQL→conversion rate)", SvgChart.COLOURS.get(0),
                                points.stream().map(p -> new double[] {p.flaggedShare(), p.precision()}).toList(), false),
                        new SvgChart.Series("recall (share of conversions caught)", SvgChart.COLOURS.get(1),
                                points.stream().map(p -> new double[] {p.flaggedShare(), p.recall()}).toList(), false)),
                markers, 0.75);
    }

    private static void threshold(StringBuilder html, TrainingReport report) {
        html.append("<h2>Threshold</h2>");
        if (report.advice().isPresent()) {
            ThresholdAdvice advice = report.advice().get();
            html.append("<p").append(advice.met() ? "" : " class=\"warn\"").append(">").append(Html.escape(advice.summary()))
                    .append(" (dashed line on the trade-off chart).</p>");
        } else {
            html.append("<p>Give <code>--capacity N --weekly-leads M</code> or <code>--target-precision P</code> for a "
                    + "recommended threshold.</p>");
        }
        html.append("<table><tr><th>threshold</th><th>leads flagged</th><th>precision</th><th>recall</th></tr>");
        for (TradeOffCurve.Point point : report.tradeOff().points()) {
            int percent = (int) Math.round(point.flaggedShare() * 100);
            if (percent == 1 || percent == 2 || percent % 5 == 0) {
                html.append("<tr>").append(num(point.threshold())).append("<td class=\"num\">").append(pct(point.flaggedShare()))
                        .append("</td>").append(num(point.precision())).append(num(point.recall())).append("</tr>");
            }
        }
        html.append("</table>");
    }

    private static void leakage(StringBuilder html, LeakageReport leakage) {
        html.append("<h2>Leakage</h2>");
        if (leakage.dropped().isEmpty() && leakage.excluded().isEmpty() && leakage.suspects().isEmpty()) {
            html.append("<p>No column predicts the label suspiciously well on its own.</p>");
            return;
        }
        html.append("<table><tr><th>column</th><th>finding</th><th>single-column AUC</th><th>why</th></tr>");
        findings(html, leakage.dropped(), "dropped");
        findings(html, leakage.excluded(), "excluded");
        findings(html, leakage.suspects(), "suspect");
        html.append("</table>");
    }

    private static void findings(StringBuilder html, List<LeakageReport.Finding> findings, String kind) {
        for (LeakageReport.Finding finding : findings) {
            html.append("<tr><td>").append(Html.escape(finding.column())).append("</td><td>").append(kind).append("</td>")
                    .append(Double.isNaN(finding.singleColumnAuc()) ? "<td></td>" : num(finding.singleColumnAuc()))
                    .append("<td>").append(Html.escape(finding.reason())).append("</td></tr>");
        }
    }

    private static void columns(StringBuilder html, List<ColumnDecision> columns) {
        html.append("<h2>Columns</h2><table><tr><th>column</th><th>read as</th><th>missing</th><th>distinct</th>")
                .append("<th>note</th></tr>");
        for (ColumnDecision column : columns) {
            html.append("<tr><td>").append(Html.escape(column.name())).append("</td><td>")
                    .append(column.role().name().toLowerCase(Locale.ROOT)).append("</td><td class=\"num\">")
                    .append(column.missing()).append("</td><td class=\"num\">").append(column.distinct())
                    .append("</td><td>").append(Html.escape(column.note())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void weights(StringBuilder html, TrainingReport report) {
        for (ModelEvaluation model : report.models()) {
            if (model.model().model() instanceof LogisticModel logistic) {
                html.append("<h2>Logistic regression: largest coefficients</h2><p>Per standard deviation for numbers, ")
                        .append("per level for categories; on the log-odds scale.</p><table><tr><th>feature</th>")
                        .append("<th>coefficient</th></tr>");
                logistic.weights().stream().limit(TOP_FEATURES).forEach(weight -> html.append("<tr><td>")
                        .append(Html.escape(weight.feature())).append("</td>").append(num(weight.coefficient())).append("</tr>"));
                html.append("</table>");
            } else if (model.model().model() instanceof BoostedTrees trees) {
                html.append("<h2>Gradient-boosted trees: column importance</h2><table><tr><th>column</th>")
                        .append("<th>share of split gain</th></tr>");
                trees.importances().stream().limit(TOP_FEATURES).forEach(importance -> html.append("<tr><td>")
                        .append(Html.escape(importance.column())).append("</td><td class=\"num\">")
                        .append(pct(importance.share())).append("</td></tr>"));
                html.append("</table>");
            }
        }
    }

    private static void examples(StringBuilder html, ModelEvaluation model) {
        html.append("<h2>Why the top held-out leads scored high (").append(name(model.kind())).append(")</h2>")
                .append("<p>Each column's contribution on the log-odds scale; they add up to the model's logit with ")
                .append("the baseline. ")
                .append(model.model().model() instanceof BoostedTrees
                        ? "For the trees, each split's change in predicted value is credited to the column split on, "
                                + "along the lead's path (Saabas)."
                        : "For logistic regression, coefficient × the lead's encoded value.")
                .append("</p><table><tr><th>lead</th><th>probability</th><th>baseline</th><th>top reasons</th></tr>");
        for (ModelEvaluation.Example example : model.examples()) {
            Explanation explanation = example.explanation();
            StringBuilder reasons = new StringBuilder();
            explanation.contributions().stream().limit(TOP_REASONS).forEach(c -> reasons.append(reasons.length() == 0 ? "" : ", ")
                    .append(Html.escape(c.column())).append(" = ").append(Html.escape(c.value()))
                    .append(String.format(Locale.ROOT, " %+.2f", c.logit())));
            html.append("<tr><td>").append(Html.escape(example.id())).append("</td>").append(num(example.probability()))
                    .append(num(explanation.baseline())).append("<td>").append(reasons).append("</td></tr>");
        }
        html.append("</table>");
    }

    static String name(String kind) {
        return switch (kind) {
            case "logistic" -> "logistic regression";
            case "gbt" -> "gradient-boosted trees";
            default -> kind;
        };
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "<td class=\"num\">%.3f</td>", value);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
