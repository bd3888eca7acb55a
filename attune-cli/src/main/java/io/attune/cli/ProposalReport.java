package io.attune.cli;

import io.attune.learn.proposal.RuleProposal;
import io.attune.learn.proposal.RuleWeights;
import io.attune.learn.report.Html;
import io.attune.learn.report.SvgChart;
import io.attune.server.proposal.Proposal;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code attune propose}'s outputs: a text summary and an HTML report with the same figures. */
final class ProposalReport {
    private ProposalReport() {
    }

    static void text(PrintWriter out, Proposal proposal) {
        if (proposal instanceof Proposal.NotProposed not) {
            out.println("No proposal from " + not.base() + ": " + not.detail());
            out.println(counts(not.counts()));
            not.problems().forEach(problem -> out.println("  " + problem));
            return;
        }
        Proposal.Drafted drafted = (Proposal.Drafted) proposal;
        RuleWeights weights = drafted.weights();
        out.println("Proposed " + drafted.draft() + " from " + drafted.base() + " (a draft: diff it against "
                + drafted.base() + ", propose it, and have an approver approve it).");
        out.println(counts(drafted.counts()));
        out.println(aucs(drafted));
        out.println(scale(weights));
        TextTable table = new TextTable("rule", "points", "coefficient", "support", "proposed", "note");
        for (RuleProposal rule : weights.rules()) {
            table.row(rule.rule(), number(rule.points()), String.format(Locale.ROOT, "%.4g", rule.coefficient()),
                    rule.support(), rule.proposed(), rule.flag().map(flag -> "kept: " + flag)
                            .orElse(rule.changed() ? "changed" : ""));
        }
        table.print(out);
        out.println();
        out.println("The learned: section from the same fit" + (drafted.source().contains("\nlearned:")
                ? " (in the draft):" : " (not in the draft; --include-learned writes it):"));
        out.print(drafted.learned());
    }

    static String html(Proposal proposal) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Attune proposal</title><style>body{font-family:system-ui,sans-serif;margin:2rem;"
                + "max-width:1100px;color:#222}table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px "
                + "solid #ccc;padding:3px 8px;text-align:left;font-size:14px}th{background:#f3f3f3}.num{text-align:right}"
                + "</style></head><body>");
        if (proposal instanceof Proposal.NotProposed not) {
            html.append("<h1>No proposal from ").append(Html.escape(not.base().toString())).append("</h1><p>")
                    .append(Html.escape(not.detail())).append("</p><p>").append(Html.escape(counts(not.counts())))
                    .append("</p>");
            return html.append("</body></html>").toString();
        }
        Proposal.Drafted drafted = (Proposal.Drafted) proposal;
        RuleWeights weights = drafted.weights();
        html.append("<h1>Attune proposal: ").append(Html.escape(drafted.draft().toString())).append(" from ")
                .append(Html.escape(drafted.base().toString())).append("</h1>");
        for (String line : List.of(counts(drafted.counts()), aucs(drafted), scale(weights))) {
            html.append("<p>").append(Html.escape(line)).append("</p>");
        }
        List<double[]> proposedAuc = List.<double[]>of(new double[] {0, weights.heldOutAuc()},
                new double[] {1, weights.proposedPointsAuc()}, new double[] {2, weights.currentAuc()});
        html.append(SvgChart.bars("Held-out ROC AUC", "", "ROC AUC", List.of("fit", "proposed points",
                drafted.base().toString()), 1, List.of(new SvgChart.Series("ROC AUC", SvgChart.COLOURS.get(0),
                        proposedAuc, false))));
        html.append("<table><tr><th>rule</th><th>points</th><th>coefficient</th><th>support</th><th>proposed</th>"
                + "<th>note</th></tr>");
        for (RuleProposal rule : weights.rules()) {
            html.append("<tr><td>").append(Html.escape(rule.rule())).append("</td><td class=\"num\">")
                    .append(number(rule.points())).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.4g", rule.coefficient())).append("</td><td class=\"num\">")
                    .append(rule.support()).append("</td><td class=\"num\">").append(rule.proposed())
                    .append("</td><td>").append(Html.escape(rule.flag().map(flag -> "kept: " + flag)
                            .orElse(rule.changed() ? "changed" : ""))).append("</td></tr>");
        }
        html.append("</table><h2>The draft</h2><pre>").append(Html.escape(drafted.source())).append("</pre>");
        html.append("<h2>The learned: section from the same fit</h2><pre>").append(Html.escape(drafted.learned()))
                .append("</pre>");
        return html.append("</body></html>").toString();
    }

    private static String counts(Proposal.Counts counts) {
        List<String> skipped = new ArrayList<>();
        counts.skipped().forEach((why, count) -> skipped.add(count + " with " + why));
        return counts.leads() + " leads in the segment, " + counts.labelled() + " labelled (" + counts.positives()
                + " positive, " + counts.negatives() + " negative)"
                + (skipped.isEmpty() ? "." : "; left out: " + String.join(", ", skipped) + ".");
    }

    private static String aucs(Proposal.Drafted drafted) {
        RuleWeights weights = drafted.weights();
        return String.format(Locale.ROOT, "Held-out ROC AUC on %d leads (%d positive): fit %.3f, proposed points %.3f, "
                + "%s's scores %.3f.", weights.heldOutLeads(), weights.heldOutPositives(), weights.heldOutAuc(),
                weights.proposedPointsAuc(), drafted.base(), weights.currentAuc());
    }

    private static String scale(RuleWeights weights) {
        return String.format(Locale.ROOT, "New points = points × coefficient × %.4g (%s); labelled leads at or above "
                + "the threshold: %d now, %d with the proposed points.", weights.scale(), weights.scaling().wireName(),
                weights.currentMqls(), weights.proposedMqls());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
