package io.attune.learn.column;

import io.attune.learn.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what each column of an arbitrary labelled CSV is, with no mapping file: a column is
 * numeric when nearly all its present values read as numbers (text such as {@code "1,234"} or
 * {@code "12%"} included), categorical otherwise, and ignored when it cannot help a model — empty,
 * constant, or different on nearly every row (an identifier, an e-mail, free text).
 */
public final class ColumnInference {
    /** Share of present values that must read as numbers; the rest are typos, treated as missing. */
    private static final double NUMERIC_SHARE = 0.95;
    private static final int UNIQUE_TEXT_MINIMUM = 100;
    private static final double UNIQUE_TEXT_SHARE = 0.5;

    private ColumnInference() {
    }

    public static LearningTable prepare(Table table, String label, Optional<String> id, List<String> excluded) {
        int labelIndex = table.indexOf(label);
        excluded.forEach(table::indexOf);
        int idIndex = id.map(table::indexOf).orElse(-1);
        List<String[]> labelled = new ArrayList<>();
        List<String> rowIds = new ArrayList<>();
        for (int row = 0; row < table.rows().size(); row++) {
            String[] values = table.rows().get(row);
            if (!MissingValues.isMissing(values[labelIndex])) {
                labelled.add(values);
                rowIds.add(idIndex >= 0 ? values[idIndex].strip() : "row " + (row + 1));
            }
        }
        String[] labelValues = labelled.stream().map(row -> row[labelIndex].strip()).toArray(String[]::new);
        String positive = BinaryLabel.positiveValue(label, labelValues);
        boolean[] labels = new boolean[labelValues.length];
        for (int row = 0; row < labels.length; row++) {
            labels[row] = labelValues[row].equals(positive);
        }

        List<FeatureColumn> features = new ArrayList<>();
        List<ColumnDecision> decisions = new ArrayList<>();
        for (int column = 0; column < table.columns().size(); column++) {
            String name = table.columns().get(column);
            String[] values = column(labelled, column);
            int missing = missing(values);
            int distinct = distinct(values);
            if (column == labelIndex) {
                decisions.add(new ColumnDecision(name, ColumnRole.LABEL, missing, distinct, "converted when '" + positive + "'"));
            } else if (id.filter(name::equals).isPresent()) {
                decisions.add(new ColumnDecision(name, ColumnRole.ID, missing, distinct, "row identifier (--id)"));
            } else if (excluded.contains(name)) {
                decisions.add(new ColumnDecision(name, ColumnRole.EXCLUDED, missing, distinct,
                        "excluded as known only after the outcome (--exclude)"));
            } else {
                decide(name, values, missing, distinct, features, decisions);
            }
        }
        return new LearningTable(features, labels, rowIds.toArray(String[]::new), positive, decisions,
                table.rows().size() - labelled.size(), table.skipped());
    }

    private static void decide(String name, String[] values, int missing, int distinct,
                               List<FeatureColumn> features, List<ColumnDecision> decisions) {
        int present = values.length - missing;
        if (present == 0) {
            decisions.add(new ColumnDecision(name, ColumnRole.IGNORED, missing, distinct, "always empty"));
            return;
        }
        if (distinct < 2) {
            decisions.add(new ColumnDecision(name, ColumnRole.IGNORED, missing, distinct, "the same value on every row"));
            return;
        }
        double[] numbers = new double[values.length];
        int numeric = 0;
        for (int row = 0; row < values.length; row++) {
            numbers[row] = values[row] == null ? Double.NaN : NumberText.parse(values[row]);
            numeric += Double.isNaN(numbers[row]) ? 0 : 1;
        }
        if (numeric >= NUMERIC_SHARE * present) {
            int notNumbers = present - numeric;
            features.add(new FeatureColumn.Numeric(name, numbers, notNumbers));
            decisions.add(new ColumnDecision(name, ColumnRole.NUMERIC, missing + notNumbers, distinct,
                    notNumbers == 0 ? "" : notNumbers + " values that are not numbers read as missing"));
        } else if (distinct >= UNIQUE_TEXT_MINIMUM && distinct > UNIQUE_TEXT_SHARE * present) {
            decisions.add(new ColumnDecision(name, ColumnRole.IGNORED, missing, distinct,
                    "a different value on most rows: an identifier or free text"));
        } else {
            features.add(new FeatureColumn.Categorical(name, values));
            decisions.add(new ColumnDecision(name, ColumnRole.CATEGORICAL, missing, distinct, ""));
        }
    }

    /** The column's values, stripped, with placeholders as null. */
    private static String[] column(List<String[]> rows, int column) {
        String[] values = new String[rows.size()];
        for (int row = 0; row < values.length; row++) {
            String value = rows.get(row)[column];
            values[row] = MissingValues.isMissing(value) ? null : value.strip();
        }
        return values;
    }

    private static int missing(String[] values) {
        int missing = 0;
        for (String value : values) {
            missing += value == null ? 1 : 0;
        }
        return missing;
    }

    private static int distinct(String[] values) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (value != null) {
                seen.add(value);
            }
        }
        return seen.size();
    }
}
