package io.attune.learn.report;

import java.util.List;
import java.util.Locale;

/**
 * Small self-contained SVG charts for the HTML reports — no script, no CDN, so a report opens
 * anywhere, offline, and can be attached to a ticket as one file. Public for the other reports
 * (backtest, evaluate) to draw the same charts.
 */
public final class SvgChart {
    private static final int WIDTH = 420;
    private static final int HEIGHT = 300;
    private static final int LEFT = 50;
    private static final int RIGHT = 15;
    private static final int TOP = 30;
    private static final int BOTTOM = 45;
    public static final List<String> COLOURS = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd");

    private SvgChart() {
    }

    /** A named line through points in data space, in one colour; {@code dots} marks each point. */
    public record Series(String name, String colour, List<double[]> points, boolean dots) {
    }

    /**
     * Lines on axes from 0 to {@code xMax} and {@code yMax}, with a dashed diagonal if asked (ROC, calibration).
     * The legend's top-left corner sits at {@code legendTop} (a share of the plot's height) and 42% across,
     * where the caller knows the lines leave room.
     */
    public static String lines(String title, String xLabel, String yLabel, double xMax, double yMax, boolean diagonal,
                        List<Series> series, List<double[]> markers, double legendTop) {
        StringBuilder svg = open(title, xLabel, yLabel, xMax, yMax);
        if (diagonal) {
            svg.append(line(x(0, xMax), y(0, yMax), x(xMax, xMax), y(Math.min(xMax, yMax), yMax), "#999", "4 3"));
        }
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (double[] point : s.points()) {
                path.append(path.length() == 0 ? "M" : " L").append(fmt(x(point[0], xMax))).append(',')
                        .append(fmt(y(point[1], yMax)));
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(s.colour())
                    .append("\" stroke-width=\"2\"/>");
            if (s.dots()) {
                for (double[] point : s.points()) {
                    svg.append("<circle cx=\"").append(fmt(x(point[0], xMax))).append("\" cy=\"")
                            .append(fmt(y(point[1], yMax))).append("\" r=\"3\" fill=\"").append(s.colour()).append("\"/>");
                }
            }
        }
        for (double[] marker : markers) {
            svg.append(line(x(marker[0], xMax), y(0, yMax), x(marker[0], xMax), y(yMax, yMax), "#555", "2 2"));
        }
        return close(svg, series, legendTop);
    }

    /** Grouped bars: one group per category, one bar per series; values from 0 to {@code yMax}. */
    public static String bars(String title, String xLabel, String yLabel, List<String> categories, double yMax,
                       List<Series> series) {
        StringBuilder svg = open(title, xLabel, yLabel, 0, yMax);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double groupWidth = plotWidth / categories.size();
        double barWidth = groupWidth * 0.8 / series.size();
        for (int c = 0; c < categories.size(); c++) {
            double groupX = LEFT + c * groupWidth;
            svg.append(text(groupX + groupWidth / 2, HEIGHT - BOTTOM + 14, categories.get(c), "middle", 10));
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).points().get(c)[1];
                double top = y(Math.min(value, yMax), yMax);
                svg.append("<rect x=\"").append(fmt(groupX + groupWidth * 0.1 + s * barWidth)).append("\" y=\"")
                        .append(fmt(top)).append("\" width=\"").append(fmt(barWidth)).append("\" height=\"")
                        .append(fmt(y(0, yMax) - top)).append("\" fill=\"").append(series.get(s).colour())
                        .append("\"><title>").append(Html.escape(series.get(s).name())).append(": ")
                        .append(String.format(Locale.ROOT, "%.3f", value)).append("</title></rect>");
            }
        }
        return close(svg, series, 0.95);
    }

    private static StringBuilder open(String title, String xLabel, String yLabel, double xMax, double yMax) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">");
        svg.append(text(WIDTH / 2.0, 18, title, "middle", 13));
        svg.append(line(LEFT, y(0, yMax), WIDTH - RIGHT, y(0, yMax), "#333", null));
        svg.append(line(LEFT, TOP, LEFT, y(0, yMax), "#333", null));
        for (int tick = 0; tick <= 4; tick++) {
            double value = yMax * tick / 4;
            svg.append(text(LEFT - 5, y(value, yMax) + 4, tickLabel(value), "end", 10));
            if (xMax > 0) {
                double xValue = xMax * tick / 4;
                svg.append(text(x(xValue, xMax), HEIGHT - BOTTOM + 14, tickLabel(xValue), "middle", 10));
            }
        }
        svg.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 12, xLabel, "middle", 11));
        svg.append("<text x=\"12\" y=\"").append(fmt((TOP + y(0, yMax)) / 2)).append("\" font-size=\"11\" ")
                .append("text-anchor=\"middle\" transform=\"rotate(-90 12 ").append(fmt((TOP + y(0, yMax)) / 2))
                .append(")\">").append(Html.escape(yLabel)).append("</text>");
        return svg;
    }

    private static String close(StringBuilder svg, List<Series> series, double legendTop) {
        double legendX = x(0.42, 1);
        for (int s = 0; s < series.size(); s++) {
            double legendY = y(legendTop, 1) + 8 + s * 15;
            svg.append("<rect x=\"").append(fmt(legendX)).append("\" y=\"").append(fmt(legendY - 8))
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(series.get(s).colour()).append("\"/>");
            svg.append(text(legendX + 14, legendY + 1, series.get(s).name(), "start", 10));
        }
        return svg.append("</svg>").toString();
    }

    private static double x(double value, double max) {
        return LEFT + (WIDTH - LEFT - RIGHT) * value / max;
    }

    private static double y(double value, double max) {
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * value / max;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String dash) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
                + "\" stroke=\"" + colour + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
    }

    private static String text(double x, double y, String text, String anchor, int size) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"" + size + "\" text-anchor=\"" + anchor
                + "\">" + Html.escape(text) + "</text>";
    }

    private static String tickLabel(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
