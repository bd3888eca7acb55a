package io.attune.learn.model;

import io.attune.learn.column.FeatureColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns input columns into the numeric features a linear model needs, fitted on training rows only:
 * numbers are imputed with the median, log-transformed when right-skewed (page counts, durations),
 * standardised, and given a missing flag when any were missing; categories become one-hot
 * features for their most frequent levels, the rare ones folded into {@code (other)}.
 */
public record LinearEncoding(List<Encoded> columns) {
    /** Levels kept per categorical column, however many there are. */
    static final int MAX_LEVELS = 30;
    private static final double SKEWED = 1.0;

    public LinearEncoding {
        columns = List.copyOf(columns);
    }

    /** One input column's encoding. */
    public sealed interface Encoded permits ScaledNumber, OneHot {
        String column();

        List<String> features();

        /** How many features this column becomes: {@code features().size()}, without building the list. */
        int width();

        /** Writes this column's features for a row into {@code out} from {@code offset}. */
        void encode(FeatureColumn column, int row, double[] out, int offset);
    }

    /** {@code (f(value) − mean) / sd}, with f = log1p when skewed, and a 0/1 missing flag if {@code flagMissing}. */
    public record ScaledNumber(String column, double median, boolean log, double mean, double sd, boolean flagMissing)
            implements Encoded {
        @Override
        public List<String> features() {
            return flagMissing ? List.of(column, column + "=(missing)") : List.of(column);
        }

        @Override
        public int width() {
            return flagMissing ? 2 : 1;
        }

        @Override
        public void encode(FeatureColumn input, int row, double[] out, int offset) {
            double value = ((FeatureColumn.Numeric) input).values()[row];
            boolean missing = Double.isNaN(value);
            out[offset] = (transform(missing ? median : value, log) - mean) / sd;
            if (flagMissing) {
                out[offset + 1] = missing ? 1 : 0;
            }
        }
    }

    /** One feature per kept level, then {@code (other)} and {@code (missing)} where training saw them. */
    public record OneHot(String column, List<String> levels, boolean hasOther, boolean hasMissing) implements Encoded {
        public OneHot {
            levels = List.copyOf(levels);
        }

        @Override
        public List<String> features() {
            List<String> features = new ArrayList<>();
            levels.forEach(level -> features.add(column + "=" + level));
            if (hasOther) {
                features.add(column + "=(other)");
            }
            if (hasMissing) {
                features.add(column + "=(missing)");
            }
            return features;
        }

        @Override
        public int width() {
            return levels.size() + (hasOther ? 1 : 0) + (hasMissing ? 1 : 0);
        }

        @Override
        public void encode(FeatureColumn input, int row, double[] out, int offset) {
            Arrays.fill(out, offset, offset + width(), 0);
            String value = ((FeatureColumn.Categorical) input).values()[row];
            if (value == null) {
                if (hasMissing) {
                    out[offset + levels.size() + (hasOther ? 1 : 0)] = 1;
                }
                return;
            }
            int level = levels.indexOf(value);
            if (level >= 0) {
                out[offset + level] = 1;
            } else if (hasOther) {
                out[offset + levels.size()] = 1;
            }
        }
    }

    public static LinearEncoding fit(List<FeatureColumn> columns, int[] rows) {
        List<Encoded> encoded = new ArrayList<>();
        for (FeatureColumn column : columns) {
            encoded.add(column instanceof FeatureColumn.Numeric numeric ? scale(numeric, rows)
                    : oneHot((FeatureColumn.Categorical) column, rows));
        }
        return new LinearEncoding(encoded);
    }

    public List<String> features() {
        return columns.stream().flatMap(column -> column.features().stream()).toList();
    }

    public int width() {
        return columns.stream().mapToInt(Encoded::width).sum();
    }

    public double[] encode(List<FeatureColumn> inputs, int row) {
        double[] out = new double[width()];
        int offset = 0;
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).encode(inputs.get(i), row, out, offset);
            offset += columns.get(i).width();
        }
        return out;
    }

    private static ScaledNumber scale(FeatureColumn.Numeric column, int[] rows) {
        double[] present = Arrays.stream(rows).mapToDouble(row -> column.values()[row]).filter(v -> !Double.isNaN(v))
                .sorted().toArray();
        boolean flagMissing = present.length < rows.length;
        if (present.length == 0) {
            return new ScaledNumber(column.name(), 0, false, 0, 1, flagMissing);
        }
        double median = present[present.length / 2];
        boolean log = present[0] >= 0 && skewness(present) > SKEWED;
        double[] transformed = Arrays.stream(rows).mapToDouble(row -> {
            double value = column.values()[row];
            return transform(Double.isNaN(value) ? median : value, log);
        }).toArray();
        double mean = Arrays.stream(transformed).average().orElse(0);
        double variance = Arrays.stream(transformed).map(v -> (v - mean) * (v - mean)).average().orElse(0);
        double sd = variance > 0 ? Math.sqrt(variance) : 1;
        return new ScaledNumber(column.name(), median, log, mean, sd, flagMissing);
    }

    private static OneHot oneHot(FeatureColumn.Categorical column, int[] rows) {
        Map<String, Integer> counts = new HashMap<>();
        boolean missing = false;
        for (int row : rows) {
            String value = column.values()[row];
            if (value == null) {
                missing = true;
            } else {
                counts.merge(value, 1, Integer::sum);
            }
        }
        // A level seen on a handful of rows gets a coefficient that mostly fits noise; pool them instead.
        int minimumCount = Math.max(2, Math.min(20, rows.length / 200));
        List<String> levels = counts.entrySet().stream().filter(entry -> entry.getValue() >= minimumCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_LEVELS).map(Map.Entry::getKey).toList();
        boolean other = counts.size() > levels.size();
        return new OneHot(column.name(), levels.stream().sorted(Comparator.naturalOrder()).toList(), other, missing);
    }

    private static double transform(double value, boolean log) {
        return log ? Math.log1p(Math.max(0, value)) : value;
    }

    private static double skewness(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        double m2 = 0;
        double m3 = 0;
        for (double value : values) {
            double d = value - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= values.length;
        m3 /= values.length;
        return m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
    }
}
