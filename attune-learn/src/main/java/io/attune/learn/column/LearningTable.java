package io.attune.learn.column;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A labelled table ready for learning: typed feature columns, the label of each row, and how every
 * CSV column was treated.
 *
 * @param features          the columns models may use, each as long as {@code labels}
 * @param labels            true where the row converted
 * @param rowIds            each row's identifier: the {@code --id} column's value, else {@code row N} (N counts data rows from 1)
 * @param positiveValue     the label value read as converted
 * @param columns           every CSV column with its role
 * @param unlabelledRows    rows left out because their label was missing
 * @param malformedRows     rows the CSV reader left out because their field count was wrong
 */
public record LearningTable(List<FeatureColumn> features, boolean[] labels, String[] rowIds, String positiveValue,
                            List<ColumnDecision> columns, int unlabelledRows, int malformedRows) {
    public LearningTable {
        features = List.copyOf(features);
        columns = List.copyOf(columns);
        Objects.requireNonNull(positiveValue, "positiveValue");
        if (rowIds.length != labels.length) {
            throw new IllegalArgumentException(rowIds.length + " row ids for " + labels.length + " labels");
        }
        for (FeatureColumn feature : features) {
            if (feature.size() != labels.length) {
                throw new IllegalArgumentException("column " + feature.name() + " has " + feature.size()
                        + " values for " + labels.length + " labels");
            }
        }
    }

    public int rows() {
        return labels.length;
    }

    public int positives() {
        int positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        return positives;
    }

    public Optional<FeatureColumn> feature(String name) {
        return features.stream().filter(feature -> feature.name().equals(name)).findFirst();
    }

    /** The same rows without the named feature columns; their decisions become {@code EXCLUDED} with the reason. */
    public LearningTable without(List<String> names, String reason) {
        List<FeatureColumn> kept = features.stream().filter(feature -> !names.contains(feature.name())).toList();
        List<ColumnDecision> decisions = columns.stream().map(decision -> names.contains(decision.name())
                ? new ColumnDecision(decision.name(), ColumnRole.EXCLUDED, decision.missing(), decision.distinct(), reason)
                : decision).toList();
        return new LearningTable(kept, labels, rowIds, positiveValue, decisions, unlabelledRows, malformedRows);
    }
}
