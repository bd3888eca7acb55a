package io.attune.learn.metric;

import java.util.Arrays;
import java.util.Comparator;

/** Row orders by score, shared by the metrics that walk scores from one end. */
final class Ranking {
    private Ranking() {
    }

    static int[] ascending(double[] scores) {
        return Arrays.stream(boxedRows(scores.length)).sorted(Comparator.comparingDouble(row -> scores[row]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Highest score first; equal scores keep row order, so results do not depend on the sort. */
    static int[] descending(double[] scores) {
        return Arrays.stream(boxedRows(scores.length))
                .sorted(Comparator.comparingDouble((Integer row) -> scores[row]).reversed())
                .mapToInt(Integer::intValue).toArray();
    }

    private static Integer[] boxedRows(int count) {
        Integer[] rows = new Integer[count];
        Arrays.setAll(rows, row -> row);
        return rows;
    }
}
