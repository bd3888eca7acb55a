package io.attune.cli;

import io.attune.learn.column.ColumnRole;
import io.attune.learn.leakage.LeakageReport;
import io.attune.learn.report.TrainingHtmlReport;
import io.attune.learn.table.CsvTables;
import io.attune.learn.table.Table;
import io.attune.learn.threshold.ThresholdGoal;
import io.attune.learn.train.ModelEvaluation;
import io.attune.learn.train.TrainModels;
import io.attune.learn.train.TrainingOptions;
import io.attune.learn.train.TrainingReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code attune train}: learned scoring from any labelled CSV, no mapping file. Prints held-out figures
 * for logistic regression and gradient-boosted trees and the leakage report, and can write an HTML
 * report with charts and recommend a threshold.
 */
@Command(name = "train", description = "Trains logistic regression and gradient-boosted trees on a labelled CSV and "
        + "reports held-out ROC AUC, accuracy, calibration, lift and likely leaks.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "the labelled CSV (header line first)")
    Path csv;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "the outcome column (two values)")
    String label;

    @Option(names = "--id", paramLabel = "COLUMN", description = "a row identifier column, never used as a feature")
    String id;

    @Option(names = "--exclude", paramLabel = "COLUMN", arity = "1..*", split = ",",
            description = "columns known only after the outcome; reported, never used")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--sep", paramLabel = "C", description = "field separator (default: guessed from , ; tab |)")
    String separator;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json")
    OutputFormat format;

    @Option(names = "--report", paramLabel = "FILE.html", description = "write an HTML report with charts")
    Path report;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "N", description = "for the split, folds and trees (default 7)")
    long seed;

    @Option(names = "--capacity", paramLabel = "N", description = "MQLs a week sales can work (needs --weekly-leads)")
    Integer capacity;

    @Option(names = "--weekly-leads", paramLabel = "M", description = "leads arriving a week, for --capacity")
    Integer weeklyLeads;

    @Option(names = "--target-precision", paramLabel = "P", description = "wanted share of MQLs that convert, 0–1")
    Double targetPrecision;

    @Override
    public Integer call() throws Exception {
        if (separator != null && separator.replace("\\t", "\t").length() != 1) {
            throw new IllegalArgumentException("--sep must be one character (or \\t)");
        }
        Optional<ThresholdGoal> goal = goal();
        Optional<Character> sep = Optional.ofNullable(separator).map(s -> s.replace("\\t", "\t").charAt(0));
        Table table = CsvTables.read(csv, sep);
        TrainingOptions options = TrainingOptions.of(label, Optional.ofNullable(id), exclude, seed, goal);
        TrainingReport result = TrainModels.withDefaultLearners(seed).run(table, options);
        PrintWriter out = spec.commandLine().getOut();
        if (report != null) {
            Files.writeString(report, TrainingHtmlReport.render(result, csv.getFileName().toString()), StandardCharsets.UTF_8);
        }
        if (format == OutputFormat.json) {
            out.println(TrainingJson.of(result, csv.getFileName().toString()));
        } else {
            printText(out, result);
        }
        out.flush();
        return 0;
    }

    private Optional<ThresholdGoal> goal() {
        if (capacity != null && targetPrecision != null) {
            throw new IllegalArgumentException("give --capacity or --target-precision, not both");
        }
        if (capacity != null) {
            if (weeklyLeads == null) {
                throw new IllegalArgumentException("--capacity needs --weekly-leads: how many leads arrive a week");
            }
            return Optional.of(new ThresholdGoal.Capacity(capacity, weeklyLeads));
        }
        return Optional.ofNullable(targetPrecision).map(ThresholdGoal.TargetPrecision::new);
    }

    private void printText(PrintWriter out, TrainingReport result) {
        var table = result.table();
        long numeric = table.columns().stream().filter(c -> c.role() == ColumnRole.NUMERIC).count();
        long categorical = table.columns().stream().filter(c -> c.role() == ColumnRole.CATEGORICAL).count();
        long ignored = table.columns().stream().filter(c -> c.role() == ColumnRole.IGNORED).count();
        out.printf(Locale.ROOT, "%s: %,d labelled rows, %,d converted (%s = %s, %.1f%%)%n", csv.getFileName(), table.rows(),
                table.positives(), label, table.positiveValue(), 100.0 * table.positives() / table.rows());
        out.printf(Locale.ROOT, "features: %d numeric, %d categorical; %d columns ignored; held out %,d rows "
                + "(stratified 30%%, seed %d)%n%n", numeric, categorical, ignored, result.heldOutRows(), seed);
        TextTable models = new TextTable("model", "cv rocAuc (5-fold)", "rocAuc", "accuracy", "brier");
        for (ModelEvaluation model : result.models()) {
            models.row(model.kind(), String.format(Locale.ROOT, "%.3f ± %.3f", model.cvAucMean(), model.cvAucSd()),
                    f3(model.rocAuc()), f3(model.accuracy()), f3(model.brierScore()));
        }
        models.print(out);
        out.println("(rocAuc, accuracy at 0.5 and brier on the held-out rows; recommended: " + result.recommended() + ")");
        out.println();
        printLeakage(out, result.leakage());
        result.warnings().forEach(warning -> out.println("warning: " + warning));
        result.advice().ifPresent(advice -> out.println("threshold (" + result.recommended() + "): " + advice.summary()));
        if (report != null) {
            out.println("report: " + report);
        }
    }

    private static void printLeakage(PrintWriter out, LeakageReport leakage) {
        if (leakage.dropped().isEmpty() && leakage.excluded().isEmpty() && leakage.suspects().isEmpty()) {
            out.println("leakage: no column predicts the label suspiciously well on its own");
            return;
        }
        out.println("leakage:");
        TextTable findings = new TextTable("  finding", "column", "auc", "why");
        leakage.dropped().forEach(f -> findings.row("  dropped", f.column(), f3(f.singleColumnAuc()), f.reason()));
        leakage.excluded().forEach(f -> findings.row("  excluded", f.column(), "", f.reason()));
        leakage.suspects().forEach(f -> findings.row("  suspect", f.column(), f3(f.singleColumnAuc()), f.reason()));
        findings.print(out);
    }

    private static String f3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
