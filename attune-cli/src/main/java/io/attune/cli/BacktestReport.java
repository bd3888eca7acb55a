package io.attune.cli;

import io.attune.core.identity.LeadId;
import io.attune.learn.metric.DecileLift;
import io.attune.learn.metric.RocCurve;
import io.attune.learn.report.Html;
import io.attune.learn.report.SvgChart;
import io.attune.server.backtest.Backtest;
import io.attune.server.backtest.LeadRun;
import io.attune.server.backtest.OutcomeMetrics;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A backtest as text and as one HTML page with inline SVG charts (ROC, SQL rate by score, lift by
 * decile, score distribution), for {@code attune backtest} (both models) and {@code attune evaluate}
 * (the candidate alone: the version evaluated).
 */
final class BacktestReport {
    /** Which models a report shows: both, or only the evaluated one. */
    enum Sides { BOTH, CANDIDATE }

    private BacktestReport() {
    }

    static void text(PrintWriter out, Backtest backtest, Sides sides) {
        out.printf("%s%s up to %s: %d leads replayed%n", backtest.from().map(from -> "from " + from + " ").orElse(""),
                sides == Sides.BOTH ? backtest.candidate() + " against " + backtest.active() : backtest.candidate()
                        .toString(), backtest.to(), backtest.leads());
        TextTable weeks = sides == Sides.BOTH
                ? new TextTable("week", "MQLs " + backtest.active(), "MQLs " + backtest.candidate())
                : new TextTable("week", "MQLs");
        TreeSet<LocalDate> all = new TreeSet<>(backtest.activeSide().mqlsPerWeek().keySet());
        all.addAll(backtest.candidateSide().mqlsPerWeek().keySet());
        for (LocalDate week : all) {
            String candidate = Integer.toString(backtest.candidateSide().mqlsPerWeek().getOrDefault(week, 0));
            if (sides == Sides.BOTH) {
                weeks.row(week, backtest.activeSide().mqlsPerWeek().getOrDefault(week, 0), candidate);
            } else {
                weeks.row(week, candidate);
            }
        }
        out.printf("MQLs: %s%n", sides == Sides.BOTH ? backtest.activeSide().mqls() + " → "
                + backtest.candidateSide().mqls() : Integer.toString(backtest.candidateSide().mqls()));
        weeks.print(out);
        if (sides == Sides.BOTH) {
            changes(out, "would newly qualify", backtest.newlyQualifying());
            changes(out, "would stop qualifying", backtest.noLongerQualifying());
        }
        backtest.outcomes().ifPresentOrElse(metrics -> {
            TextTable table = new TextTable("model", "leads", "MQLs", "SQLs", "precision (MQL→SQL)", "recall",
                    "MQL→won", "ROC AUC", "top-decile lift");
            if (sides == Sides.BOTH) {
                metricsRow(table, backtest.active().toString(), metrics.active());
            }
            metricsRow(table, backtest.candidate().toString(), metrics.candidate());
            table.print(out);
        }, () -> out.println("no outcomes known: precision, recall, lift and ROC AUC need SQL outcomes"));
        out.flush();
    }

    private static void changes(PrintWriter out, String what, List<Backtest.Change> changes) {
        out.printf("%d %s%n", changes.size(), what);
        changes.stream().limit(20).forEach(change -> out.printf("  %s  %.1f → %.1f  %s%n", change.lead().value(),
                change.activeScore(), change.candidateScore(), String.join(", ", change.reasons().stream()
                        .map(reason -> String.format(Locale.ROOT, "%s %.1f", reason.rule(), reason.points())).toList())));
    }

    private static void metricsRow(TextTable table, String model, OutcomeMetrics metrics) {
        table.row(model, metrics.leads(), metrics.mqls(), metrics.sqls(), f3(metrics.precision()),
                f3(metrics.recall()), f3(metrics.mqlToWonRate()), metrics.rocAuc().map(BacktestReport::f3).orElse("-"),
                f3(metrics.lift().stream().filter(d -> d.rows() > 0).findFirst().map(DecileLift.Decile::lift)
                        .orElse(0.0)));
    }

    static String html(Backtest backtest, Sides sides, String title) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title><style>body{font-family:system-ui,sans-serif;margin:2rem;")
                .append("max-width:1100px;color:#222}table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:")
                .append("1px solid #ccc;padding:3px 8px;font-size:14px}th{background:#f3f3f3}.charts{display:flex;")
                .append("flex-wrap:wrap;gap:12px}</style></head><body><h1>").append(Html.escape(title)).append("</h1>");
        java.io.StringWriter text = new java.io.StringWriter();
        text(new PrintWriter(text), backtest, sides);
        html.append("<pre>").append(Html.escape(text.toString())).append("</pre><div class=\"charts\">");
        List<Named> shown = sides == Sides.BOTH
                ? List.of(new Named(backtest.active().toString(), Backtest.Pair::active),
                        new Named(backtest.candidate().toString(), Backtest.Pair::candidate))
                : List.of(new Named(backtest.candidate().toString(), Backtest.Pair::candidate));
        html.append(distribution(backtest, shown));
        if (!backtest.reachedSql().isEmpty() && backtest.reachedSql().size() < backtest.byLead().size()) {
            html.append(roc(backtest, shown)).append(sqlRateByScore(backtest, shown)).append(lift(backtest, shown));
        }
        return html.append("</div></body></html>").toString();
    }

    private record Named(String name, Function<Backtest.Pair, LeadRun> side) {
        double[] scores(Backtest backtest) {
            return backtest.byLead().values().stream().mapToDouble(pair -> side.apply(pair).total()).toArray();
        }
    }

    private static boolean[] labels(Backtest backtest) {
        List<LeadId> ids = new ArrayList<>(backtest.byLead().keySet());
        boolean[] labels = new boolean[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            labels[i] = backtest.reachedSql().contains(ids.get(i));
        }
        return labels;
    }

    private static String distribution(Backtest backtest, List<Named> shown) {
        List<String> bins = new ArrayList<>();
        for (int bin = 0; bin < Backtest.BINS; bin += 1) {
            bins.add(bin % 5 == 0 ? Integer.toString(bin * Backtest.BIN) : "");
        }
        List<SvgChart.Series> series = new ArrayList<>();
        double max = 1;
        for (int s = 0; s < shown.size(); s++) {
            int[] counts = s == 0 && shown.size() == 2 ? backtest.activeSide().distribution()
                    : backtest.candidateSide().distribution();
            List<double[]> points = new ArrayList<>();
            for (int bin = 0; bin < counts.length; bin++) {
                points.add(new double[] {bin, counts[bin]});
                max = Math.max(max, counts[bin]);
            }
            series.add(new SvgChart.Series(shown.get(s).name(), SvgChart.COLOURS.get(s), points, false));
        }
        return SvgChart.bars("Score distribution at the cut-off", "score (bins of " + Backtest.BIN + ")", "leads",
                bins, max, series);
    }

    private static String roc(Backtest backtest, List<Named> shown) {
        boolean[] labels = labels(backtest);
        List<SvgChart.Series> series = new ArrayList<>();
        for (int s = 0; s < shown.size(); s++) {
            List<double[]> points = RocCurve.of(shown.get(s).scores(backtest), labels).stream()
                    .map(p -> new double[] {p.falsePositiveRate(), p.truePositiveRate()}).toList();
            series.add(new SvgChart.Series(shown.get(s).name(), SvgChart.COLOURS.get(s), points, false));
        }
        return SvgChart.lines("ROC (SQL)", "false positive rate", "true positive rate", 1, 1, true, series, List.of(),
                0.55);
    }

    /** A points model's calibration: the share of leads that reached SQL, by score band. */
    private static String sqlRateByScore(Backtest backtest, List<Named> shown) {
        boolean[] labels = labels(backtest);
        List<SvgChart.Series> series = new ArrayList<>();
        double xMax = Backtest.BIN;
        for (int s = 0; s < shown.size(); s++) {
            double[] scores = shown.get(s).scores(backtest);
            Map<Integer, int[]> bands = new java.util.TreeMap<>();
            for (int i = 0; i < scores.length; i++) {
                int[] band = bands.computeIfAbsent((int) Math.floor(Math.max(0, scores[i]) / Backtest.BIN),
                        b -> new int[2]);
                band[0]++;
                band[1] += labels[i] ? 1 : 0;
            }
            List<double[]> points = new ArrayList<>();
            for (Map.Entry<Integer, int[]> band : bands.entrySet()) {
                double mid = (band.getKey() + 0.5) * Backtest.BIN;
                points.add(new double[] {mid, (double) band.getValue()[1] / band.getValue()[0]});
                xMax = Math.max(xMax, mid + Backtest.BIN / 2.0);
            }
            series.add(new SvgChart.Series(shown.get(s).name(), SvgChart.COLOURS.get(s), points, true));
        }
        return SvgChart.lines("Calibration: SQL rate by score", "score", "share that reached SQL", xMax, 1, false,
                series, List.of(), 0.05);
    }

    private static String lift(Backtest backtest, List<Named> shown) {
        boolean[] labels = labels(backtest);
        List<SvgChart.Series> series = new ArrayList<>();
        double max = 1;
        for (int s = 0; s < shown.size(); s++) {
            List<double[]> points = new ArrayList<>();
            for (DecileLift.Decile decile : DecileLift.of(shown.get(s).scores(backtest), labels)) {
                points.add(new double[] {decile.decile(), decile.lift()});
                max = Math.max(max, decile.lift());
            }
            series.add(new SvgChart.Series(shown.get(s).name(), SvgChart.COLOURS.get(s), points, false));
        }
        List<String> deciles = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            deciles.add(Integer.toString(d));
        }
        return SvgChart.bars("Lift by score decile (SQL)", "decile (1 = highest scores)", "lift", deciles, max, series);
    }

    private static String f3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
