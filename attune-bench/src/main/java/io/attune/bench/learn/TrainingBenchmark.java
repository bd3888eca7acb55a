package io.attune.bench.learn;

import io.attune.learn.table.CsvTables;
import io.attune.learn.table.Table;
import io.attune.learn.train.ModelEvaluation;
import io.attune.learn.train.TrainModels;
import io.attune.learn.train.TrainingOptions;
import io.attune.learn.train.TrainingReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code attune train}'s whole path on 100,000 labelled rows, beside its limit of 60 s (DESIGN.md):
 * parse the CSV text, infer column types, check for leaks, 5-fold cross-validate and refit logistic
 * regression and gradient-boosted trees, calibrate, and evaluate on the 30% held out. Rows are
 * resampled from the online shoppers dataset ({@link ResampledShoppers}). One warm-up run on a tenth
 * of the rows, then {@code runs} measured runs; the report gives each, the median and its ratio to the limit.
 * The AUCs it prints only show that the models trained: they run higher than on the real data, because
 * near-copies of one resampled row land on both sides of the split.
 *
 * <p>Run from the repository root (the dataset is in {@code ../shared/data}):
 * <pre>
 * mvn -q -B -pl attune-bench -am package -DskipTests
 * java -cp attune-bench/target/benchmarks.jar io.attune.bench.learn.TrainingBenchmark [rows=100000] [runs=3]
 * </pre>
 */
public final class TrainingBenchmark {
    private static final double LIMIT_SECONDS = 60;
    private static final Path SHOPPERS = Path.of("../shared/data/online_shoppers_intention.csv");

    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = 100_000;
        int runs = 3;
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            switch (pair[0]) {
                case "rows" -> rows = Integer.parseInt(pair[1]);
                case "runs" -> runs = Integer.parseInt(pair[1]);
                default -> throw new IllegalArgumentException("unknown setting " + pair[0] + "; use rows=N runs=N");
            }
        }
        System.out.printf(Locale.ROOT, "warm-up: %d rows%n", rows / 10);
        train(ResampledShoppers.csv(SHOPPERS, rows / 10, 0));
        List<Double> seconds = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            String csv = ResampledShoppers.csv(SHOPPERS, rows, run);
            String load = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).strip();
            long start = System.nanoTime();
            TrainingReport report = train(csv);
            double elapsed = (System.nanoTime() - start) / 1e9;
            seconds.add(elapsed);
            System.out.printf(Locale.ROOT, "run %d: %,d rows trained and evaluated in %.1f s (load before: %s)%s%n",
                    run, report.table().rows(), elapsed, load, aucs(report));
        }
        double median = seconds.stream().sorted().toList().get(seconds.size() / 2);
        System.out.printf(Locale.ROOT, "median %.1f s of a %.0f s limit: ratio %.2f (runs: %s)%n", median, LIMIT_SECONDS,
                median / LIMIT_SECONDS, seconds.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList());
    }

    private static TrainingReport train(String csv) throws IOException {
        Table table = CsvTables.parse(csv, ',');
        return TrainModels.withDefaultLearners(7).run(table,
                TrainingOptions.of("Revenue", Optional.empty(), List.of(), 7, Optional.empty()));
    }

    private static String aucs(TrainingReport report) {
        StringBuilder text = new StringBuilder();
        for (ModelEvaluation model : report.models()) {
            text.append(String.format(Locale.ROOT, "; %s held-out AUC %.3f", model.kind(), model.rocAuc()));
        }
        return text.toString();
    }
}
