package io.attune.learn.leakage;

import java.util.List;

/**
 * What the leakage check found. {@code dropped}: columns that predict the label almost perfectly on
 * their own, left out of every model. {@code excluded}: columns the user named as known only after
 * the outcome. {@code suspects}: strong single predictors kept in the models, to be confirmed as known
 * before the outcome (a call's duration, say) — or excluded.
 */
public record LeakageReport(List<Finding> dropped, List<Finding> excluded, List<Finding> suspects) {
    public LeakageReport {
        dropped = List.copyOf(dropped);
        excluded = List.copyOf(excluded);
        suspects = List.copyOf(suspects);
    }

    /** One column, its single-column ROC AUC on the training rows (NaN if not measured) and why it is listed. */
    public record Finding(String column, double singleColumnAuc, String reason) {
    }

    public List<String> droppedColumns() {
        return dropped.stream().map(Finding::column).toList();
    }
}
