package io.attune.learn.column;

/** One input column of a learning table, typed: numbers (NaN where missing) or categories (null where missing). */
public sealed interface FeatureColumn permits FeatureColumn.Numeric, FeatureColumn.Categorical {
    String name();

    int size();

    boolean isMissing(int row);

    /** A numeric column; {@code notNumbers} counts the values that were present but not numbers. */
    record Numeric(String name, double[] values, int notNumbers) implements FeatureColumn {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isMissing(int row) {
            return Double.isNaN(values[row]);
        }
    }

    /** A categorical column, values stripped of surrounding blanks. */
    record Categorical(String name, String[] values) implements FeatureColumn {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public boolean isMissing(int row) {
            return values[row] == null;
        }
    }
}
