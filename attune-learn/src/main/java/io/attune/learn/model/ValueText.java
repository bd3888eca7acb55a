package io.attune.learn.model;

import io.attune.learn.column.FeatureColumn;
import java.math.BigDecimal;

/** A row's value in a column as explanations show it. */
final class ValueText {
    private ValueText() {
    }

    static String of(FeatureColumn column, int row) {
        if (column.isMissing(row)) {
            return "missing";
        }
        if (column instanceof FeatureColumn.Numeric numeric) {
            return BigDecimal.valueOf(numeric.values()[row]).stripTrailingZeros().toPlainString();
        }
        return ((FeatureColumn.Categorical) column).values()[row];
    }
}
