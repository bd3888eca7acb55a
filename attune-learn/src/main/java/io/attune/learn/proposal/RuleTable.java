package io.attune.learn.proposal;

import java.util.List;
import java.util.Objects;

/**
 * Labelled leads as a scoring model saw them: each rule's points at the lead's cut-off (0 when it
 * did not score), the lead's label, and its score under the model. {@code points} are the rules'
 * points as written in the model, in the order of {@code rules} and of each row of {@code values}.
 */
public record RuleTable(List<String> rules, double[] points, double[][] values, boolean[] labels, double[] scores,
        double threshold) {

    public RuleTable {
        rules = List.copyOf(rules);
        Objects.requireNonNull(points, "points");
        if (points.length != rules.size()) {
            throw new IllegalArgumentException("one written points value per rule");
        }
        if (values.length != labels.length || scores.length != labels.length) {
            throw new IllegalArgumentException("one row of values, one label and one score per lead");
        }
        for (double[] row : values) {
            if (row.length != rules.size()) {
                throw new IllegalArgumentException("each row holds one value per rule");
            }
        }
        for (double point : points) {
            if (!Double.isFinite(point) || point == 0) {
                throw new IllegalArgumentException("a rule's written points are finite and not zero");
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

    /** How many leads the rule scored for. */
    public int support(int rule) {
        int support = 0;
        for (double[] row : values) {
            support += row[rule] != 0 ? 1 : 0;
        }
        return support;
    }
}
