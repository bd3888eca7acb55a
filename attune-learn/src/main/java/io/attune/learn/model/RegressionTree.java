package io.attune.learn.model;

/**
 * One boosted tree over binned inputs, as parallel arrays indexed by node (node 0 is the root). A
 * split node sends a row left when its bin in {@code column[node]} is at most {@code maxLeftBin[node]}
 * (missing is bin 0, so it goes left); a leaf has {@code left[node] == -1}. Every node keeps the value
 * it would predict as a leaf — what path-based explanations need.
 */
public record RegressionTree(int[] column, int[] maxLeftBin, int[] left, int[] right, double[] value) {
    public RegressionTree {
        int nodes = value.length;
        if (column.length != nodes || maxLeftBin.length != nodes || left.length != nodes || right.length != nodes) {
            throw new IllegalArgumentException("every node array must have " + nodes + " entries");
        }
    }

    /** The leaf a row of bins (one per column) ends in. */
    int leaf(int[] bins) {
        int node = 0;
        while (left[node] >= 0) {
            node = bins[column[node]] <= maxLeftBin[node] ? left[node] : right[node];
        }
        return node;
    }

    /** Adds each split's change in value to the column it split on, along the row's path (Saabas). */
    void attribute(int[] bins, double[] contributions) {
        int node = 0;
        while (left[node] >= 0) {
            int next = bins[column[node]] <= maxLeftBin[node] ? left[node] : right[node];
            contributions[column[node]] += value[next] - value[node];
            node = next;
        }
    }
}
