package io.attune.learn.model;

import io.attune.learn.column.FeatureColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps every input value to a small bin number for the trees, fitted on training rows only. Bin 0
 * is "missing". Numbers get up to {@value #MAX_BINS} quantile bins. Categories are ordered by their
 * training conversion rate, so one "bin ≤ t" split can separate any group of good levels from the
 * bad ones (the optimal binary split for a two-class target); rare and unseen levels share one bin.
 */
public record TreeBinning(List<ColumnBins> columns) {
    static final int MAX_BINS = 254;
    private static final int MAX_LEVELS = 64;

    public TreeBinning {
        columns = List.copyOf(columns);
    }

    /** One column's bins. */
    public sealed interface ColumnBins permits NumberBins, CategoryBins {
        String column();

        /** The number of bins, missing included. */
        int bins();

        int bin(FeatureColumn column, int row);
    }

    /** Bin {@code 1 + (number of cuts below the value)}: values up to {@code cuts[0]} are bin 1. */
    public record NumberBins(String column, double[] cuts) implements ColumnBins {
        @Override
        public int bins() {
            return cuts.length + 2;
        }

        @Override
        public int bin(FeatureColumn input, int row) {
            double value = ((FeatureColumn.Numeric) input).values()[row];
            if (Double.isNaN(value)) {
                return 0;
            }
            int position = Arrays.binarySearch(cuts, value);
            return 1 + (position >= 0 ? position : -position - 1);
        }
    }

    /** Each kept level's bin, and the bin of every other level. */
    public record CategoryBins(String column, Map<String, Integer> levels, int otherBin, int bins) implements ColumnBins {
        public CategoryBins {
            levels = Map.copyOf(levels);
        }

        @Override
        public int bin(FeatureColumn input, int row) {
            String value = ((FeatureColumn.Categorical) input).values()[row];
            return value == null ? 0 : levels.getOrDefault(value, otherBin);
        }
    }

    public static TreeBinning fit(List<FeatureColumn> columns, boolean[] labels, int[] rows) {
        List<ColumnBins> bins = new ArrayList<>();
        for (FeatureColumn column : columns) {
            bins.add(column instanceof FeatureColumn.Numeric numeric ? numberBins(numeric, rows)
                    : categoryBins((FeatureColumn.Categorical) column, labels, rows));
        }
        return new TreeBinning(bins);
    }

    /** The bins of the given rows, column by column: {@code [column][i]} for {@code rows[i]}. */
    byte[][] binAll(List<FeatureColumn> inputs, int[] rows) {
        byte[][] binned = new byte[columns.size()][rows.length];
        for (int c = 0; c < columns.size(); c++) {
            for (int i = 0; i < rows.length; i++) {
                binned[c][i] = (byte) columns.get(c).bin(inputs.get(c), rows[i]);
            }
        }
        return binned;
    }

    private static NumberBins numberBins(FeatureColumn.Numeric column, int[] rows) {
        double[] present = Arrays.stream(rows).mapToDouble(row -> column.values()[row]).filter(v -> !Double.isNaN(v))
                .sorted().toArray();
        double[] distinct = Arrays.stream(present).distinct().toArray();
        double[] cuts;
        if (distinct.length <= MAX_BINS) {
            // Cut halfway between neighbours, as a tree over the raw values would.
            cuts = new double[Math.max(0, distinct.length - 1)];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = (distinct[i] + distinct[i + 1]) / 2;
            }
        } else {
            cuts = new double[MAX_BINS - 1];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = present[(int) ((long) present.length * (i + 1) / MAX_BINS)];
            }
            cuts = Arrays.stream(cuts).distinct().toArray();
        }
        return new NumberBins(column.name(), cuts);
    }

    private static CategoryBins categoryBins(FeatureColumn.Categorical column, boolean[] labels, int[] rows) {
        Map<String, int[]> counts = new HashMap<>();
        int positives = 0;
        for (int row : rows) {
            positives += labels[row] ? 1 : 0;
            String value = column.values()[row];
            if (value != null) {
                int[] count = counts.computeIfAbsent(value, level -> new int[2]);
                count[0]++;
                count[1] += labels[row] ? 1 : 0;
            }
        }
        double prior = rows.length == 0 ? 0 : (double) positives / rows.length;
        int minimumCount = Math.max(2, Math.min(20, rows.length / 200));
        List<String> kept = counts.entrySet().stream().filter(entry -> entry.getValue()[0] >= minimumCount)
                .sorted(Comparator.comparingInt((Map.Entry<String, int[]> entry) -> entry.getValue()[0]).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(MAX_LEVELS).map(Map.Entry::getKey).toList();
        int[] other = new int[2];
        counts.forEach((level, count) -> {
            if (!kept.contains(level)) {
                other[0] += count[0];
                other[1] += count[1];
            }
        });
        // Order by rate shrunk toward the overall rate, so a level seen twice cannot jump to the top.
        Map<String, Double> rate = new HashMap<>();
        kept.forEach(level -> rate.put(level, shrunk(counts.get(level), prior)));
        String otherKey = "\u0000other";
        rate.put(otherKey, shrunk(other, prior));
        List<String> ordered = rate.keySet().stream()
                .sorted(Comparator.comparingDouble((String level) -> rate.get(level)).thenComparing(Comparator.naturalOrder()))
                .toList();
        Map<String, Integer> levels = new HashMap<>();
        int otherBin = 0;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).equals(otherKey)) {
                otherBin = i + 1;
            } else {
                levels.put(ordered.get(i), i + 1);
            }
        }
        return new CategoryBins(column.name(), levels, otherBin, ordered.size() + 1);
    }

    private static double shrunk(int[] count, double prior) {
        double weight = 10;
        return (count[1] + weight * prior) / (count[0] + weight);
    }
}
