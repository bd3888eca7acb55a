package io.attune.learn.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Splits rows so that each part keeps the table's share of conversions — with 11% positives, a plain
 * random 30% could hold noticeably more or fewer, and the held-out figures would wobble with it.
 */
public final class StratifiedSplit {
    private StratifiedSplit() {
    }

    /** Training and held-out row numbers, both sorted. */
    public record Holdout(int[] training, int[] heldOut) {
    }

    public static Holdout holdOut(boolean[] labels, double share, long seed) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("the held-out share must be between 0 and 1, not " + share);
        }
        int[][] folds = assign(labels, allRows(labels.length), share, seed);
        return new Holdout(folds[0], folds[1]);
    }

    /** {@code k} disjoint folds of the given rows, each with about the same share of positives. */
    public static List<int[]> folds(boolean[] labels, int[] rows, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + k);
        }
        List<List<Integer>> folds = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            folds.add(new ArrayList<>());
        }
        int next = 0;
        for (boolean positive : new boolean[] {true, false}) {
            for (int row : shuffled(rowsWith(labels, rows, positive), seed)) {
                folds.get(next).add(row);
                next = (next + 1) % k;
            }
        }
        return folds.stream().map(fold -> fold.stream().mapToInt(Integer::intValue).sorted().toArray()).toList();
    }

    /** The given rows that are not in {@code fold}. */
    public static int[] complement(int[] rows, int[] fold) {
        int[] sortedFold = fold.clone();
        Arrays.sort(sortedFold);
        return Arrays.stream(rows).filter(row -> Arrays.binarySearch(sortedFold, row) < 0).toArray();
    }

    private static int[][] assign(boolean[] labels, int[] rows, double share, long seed) {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (boolean positive : new boolean[] {true, false}) {
            int[] group = shuffled(rowsWith(labels, rows, positive), seed);
            int inSecond = (int) Math.round(group.length * share);
            for (int i = 0; i < group.length; i++) {
                (i < inSecond ? second : first).add(group[i]);
            }
        }
        return new int[][] {sorted(first), sorted(second)};
    }

    private static int[] rowsWith(boolean[] labels, int[] rows, boolean positive) {
        return Arrays.stream(rows).filter(row -> labels[row] == positive).toArray();
    }

    private static int[] shuffled(int[] rows, long seed) {
        int[] copy = rows.clone();
        Random random = new Random(seed);
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = copy[i];
            copy[i] = copy[j];
            copy[j] = swap;
        }
        return copy;
    }

    private static int[] allRows(int count) {
        int[] rows = new int[count];
        Arrays.setAll(rows, row -> row);
        return rows;
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
