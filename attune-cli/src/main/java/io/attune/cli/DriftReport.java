package io.attune.cli;

import io.attune.learn.metric.DecileLift;
import io.attune.learn.report.Html;
import io.attune.learn.report.SvgChart;
import io.attune.server.drift.Drift;
import io.attune.server.drift.DriftSampler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drift as text and as one HTML page with inline SVG charts: the latest week's score distribution
 * against the baseline's, the weekly mean score and conversion, and conversion by score decile.
 */
final class DriftReport {
    private DriftReport() {
    }

    static void text(PrintWriter out, Drift drift) {
        out.printf("%s, %s: leads first seen in the weeks of %s to %s, scored %d days after%n",
                drift.segment().wireName(), drift.model(), drift.from(), drift.latest(), DriftSampler.AGE.toDays());
        TextTable weeks = new TextTable("week", "leads", "mean score", "converted", "conversion");
        for (Drift.Week week : drift.weeks()) {
            weeks.row(week.week(), week.leads(), fmt(week.meanScore()), week.converted(), fmt(week.conversionRate()));
        }
        weeks.print(out);
        if (!drift.deciles().isEmpty()) {
            TextTable deciles = new TextTable("decile", "leads", "converted", "conversion", "lift");
            for (DecileLift.Decile decile : drift.deciles()) {
                deciles.row(decile.decile(), decile.rows(), decile.positives(), fmt(decile.conversionRate()),
                        fmt(decile.lift()));
            }
            deciles.print(out);
        }
        out.printf("PSI (latest week against the weeks before): %s (bound %s)%n",
                drift.psi().map(DriftReport::fmt).orElse("n/a, a side has no leads"), fmt(drift.bounds().psi()));
        out.printf("calibration error: %s (bound %s)%n", drift.calibrationError().map(DriftReport::fmt)
                .orElse("n/a, no baseline lead converted"), fmt(drift.bounds().calibrationError()));
        if (drift.alerts().isEmpty()) {
            out.println("no alert");
        }
        drift.alerts().forEach(alert -> out.println("ALERT " + alert.kind().name().toLowerCase(Locale.ROOT) + ": "
                + alert.message()));
    }

    static String html(Drift drift) {
        String title = "Attune drift: " + drift.segment().wireName() + ", " + drift.model();
        StringWriter text = new StringWriter();
        text(new PrintWriter(text), drift);
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title><style>body{font-family:system-ui,sans-serif;margin:2rem;")
                .append("color:#222}pre{background:#f6f6f6;padding:1rem;overflow:auto}.charts{display:flex;")
                .append("flex-wrap:wrap;gap:12px}</style></head><body><h1>").append(Html.escape(title)).append("</h1>")
                .append("<pre>").append(Html.escape(text.toString())).append("</pre><div class=\"charts\">")
                .append(distribution(drift)).append(weekly(drift, "Mean score by week", "mean score", false))
                .append(weekly(drift, "Conversion by week", "share that reached SQL", true));
        if (!drift.deciles().isEmpty()) {
            html.append(deciles(drift));
        }
        return html.append("</div></body></html>\n").toString();
    }

    /** Shares of the baseline's and the latest week's leads per score bin, up to the highest bin used. */
    private static String distribution(Drift drift) {
        int[] baseline = new int[Drift.BINS];
        int[] latest = new int[Drift.BINS];
        for (Drift.Week week : drift.weeks()) {
            int[] into = week.week().equals(drift.latest()) ? latest : baseline;
            for (int bin = 0; bin < Drift.BINS; bin++) {
                into[bin] += week.distribution()[bin];
            }
        }
        int shown = 1;
        for (int bin = 0; bin < Drift.BINS; bin++) {
            if (baseline[bin] + latest[bin] > 0) {
                shown = bin + 1;
            }
        }
        List<String> bins = new ArrayList<>();
        for (int bin = 0; bin < shown; bin++) {
            bins.add(Integer.toString(bin * Drift.BIN));
        }
        List<SvgChart.Series> series = List.of(shares("weeks before", SvgChart.COLOURS.get(0), baseline, shown),
                shares("latest week", SvgChart.COLOURS.get(1), latest, shown));
        double max = series.stream().flatMap(s -> s.points().stream()).mapToDouble(point -> point[1]).max().orElse(0);
        return SvgChart.bars("Score distribution: latest week and the weeks before",
                "score (bins of " + Drift.BIN + ")", "share of leads", bins, Math.max(0.05, max), series);
    }

    private static SvgChart.Series shares(String name, String colour, int[] counts, int shown) {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        List<double[]> points = new ArrayList<>();
        for (int bin = 0; bin < shown; bin++) {
            points.add(new double[] {bin, total == 0 ? 0 : (double) counts[bin] / total});
        }
        return new SvgChart.Series(name, colour, points, false);
    }

    private static String weekly(Drift drift, String title, String yLabel, boolean conversion) {
        List<String> weeks = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (Drift.Week week : drift.weeks()) {
            weeks.add(week.week().toString().substring(5));
            points.add(new double[] {points.size(), conversion ? week.conversionRate() : week.meanScore()});
        }
        double max = points.stream().mapToDouble(point -> point[1]).max().orElse(0);
        return SvgChart.bars(title, "week (Monday)", yLabel, weeks, conversion ? Math.max(0.05, max) : Math.max(1, max),
                List.of(new SvgChart.Series(drift.model().toString(), SvgChart.COLOURS.get(0), points, false)));
    }

    private static String deciles(Drift drift) {
        List<String> deciles = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (DecileLift.Decile decile : drift.deciles()) {
            deciles.add(Integer.toString(decile.decile()));
            points.add(new double[] {decile.decile(), decile.conversionRate()});
        }
        double max = points.stream().mapToDouble(point -> point[1]).max().orElse(0);
        return SvgChart.bars("Conversion by score decile", "decile (1 = highest scores)", "share that reached SQL",
                deciles, Math.max(0.05, max), List.of(new SvgChart.Series(drift.model().toString(),
                        SvgChart.COLOURS.get(0), points, false)));
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
