package io.attune.learn.model;

import io.attune.learn.column.FeatureColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Gradient boosting of depth-limited regression trees on the log loss, with second-order (Newton)
 * leaf values, L2-shrunk leaves, row subsampling and histogram split finding over {@link TreeBinning}
 * bins — the design of LightGBM and scikit-learn's HistGradientBoostingClassifier, in plain Java.
 *
 * <p>Written here because Tribuo's only gradient boosting is XGBoost, a native library, and its
 * pure-Java tree ensembles (AdaBoost over CART, random forests) vote hard labels or train too slowly
 * for 100,000 rows in the time budget.
 *
 * @param trees        boosting rounds
 * @param learningRate shrinkage of each tree's values
 * @param maxDepth     splits from root to leaf, at most
 * @param minLeafRows  rows a leaf needs, at least
 * @param l2           L2 penalty on leaf values (λ in {@code −G / (H + λ)})
 * @param subsample    share of rows each tree is grown on
 * @param seed         for the row subsamples
 */
public record GradientBoostingLearner(int trees, double learningRate, int maxDepth, int minLeafRows, double l2,
                                      double subsample, long seed) implements Learner {
    private static final double MIN_HESSIAN = 1e-3;

    public GradientBoostingLearner {
        if (trees < 1 || maxDepth < 1 || minLeafRows < 1) {
            throw new IllegalArgumentException("trees, maxDepth and minLeafRows must be at least 1");
        }
        if (!(learningRate > 0 && learningRate <= 1) || !(subsample > 0 && subsample <= 1) || l2 < 0) {
            throw new IllegalArgumentException("learningRate and subsample must be in (0, 1], l2 not negative");
        }
    }

    /** Settings that did well on both public conversion datasets (see the README's Learned scoring). */
    public static GradientBoostingLearner defaults(long seed) {
        return new GradientBoostingLearner(200, 0.05, 4, 20, 1.0, 0.8, seed);
    }

    @Override
    public String kind() {
        return "gbt";
    }

    @Override
    public BoostedTrees fit(List<FeatureColumn> columns, boolean[] labels, int[] rows) {
        TreeBinning binning = TreeBinning.fit(columns, labels, rows);
        byte[][] bins = binning.binAll(columns, rows);
        int[] binCounts = binning.columns().stream().mapToInt(TreeBinning.ColumnBins::bins).toArray();
        int n = rows.length;
        double[] target = new double[n];
        double positives = 0;
        for (int i = 0; i < n; i++) {
            target[i] = labels[rows[i]] ? 1 : 0;
            positives += target[i];
        }
        double rate = Math.min(1 - 1e-6, Math.max(1e-6, positives / n));
        double base = Math.log(rate / (1 - rate));
        double[] logits = new double[n];
        Arrays.fill(logits, base);
        double[] gradient = new double[n];
        double[] hessian = new double[n];
        double[] gains = new double[columns.size()];
        Random random = new Random(seed);
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        int sampled = Math.max(1, (int) Math.round(n * subsample));
        List<RegressionTree> grown = new ArrayList<>();
        for (int t = 0; t < trees; t++) {
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-logits[i]));
                gradient[i] = p - target[i];
                hessian[i] = Math.max(p * (1 - p), 1e-12);
            }
            shuffleFirst(order, sampled, random);
            int[] sample = Arrays.copyOf(order, sampled);
            RegressionTree tree = new TreeGrower(bins, binCounts, gradient, hessian, gains).grow(sample);
            grown.add(tree);
            int[] rowBins = new int[bins.length];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < bins.length; c++) {
                    rowBins[c] = bins[c][i] & 0xFF;
                }
                logits[i] += tree.value()[tree.leaf(rowBins)];
            }
        }
        return new BoostedTrees(binning, base, grown, gains);
    }

    /** A partial Fisher–Yates shuffle: the first {@code count} entries become a uniform sample without replacement. */
    private static void shuffleFirst(int[] order, int count, Random random) {
        for (int i = 0; i < count && i < order.length - 1; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** Grows one tree depth-first; the histogram of the larger child is the parent's minus the smaller's. */
    private final class TreeGrower {
        private final byte[][] bins;
        private final int[] binCounts;
        private final double[] gradient;
        private final double[] hessian;
        private final double[] gains;
        private final List<int[]> splits = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        TreeGrower(byte[][] bins, int[] binCounts, double[] gradient, double[] hessian, double[] gains) {
            this.bins = bins;
            this.binCounts = binCounts;
            this.gradient = gradient;
            this.hessian = hessian;
            this.gains = gains;
        }

        RegressionTree grow(int[] sample) {
            grow(sample, 0, sample.length, histogram(sample, 0, sample.length), 0);
            int nodes = values.size();
            int[] column = new int[nodes];
            int[] maxLeftBin = new int[nodes];
            int[] left = new int[nodes];
            int[] right = new int[nodes];
            double[] value = new double[nodes];
            for (int node = 0; node < nodes; node++) {
                int[] split = splits.get(node);
                column[node] = split[0];
                maxLeftBin[node] = split[1];
                left[node] = split[2];
                right[node] = split[3];
                value[node] = values.get(node);
            }
            return new RegressionTree(column, maxLeftBin, left, right, value);
        }

        private int grow(int[] sample, int start, int end, Histogram histogram, int depth) {
            int node = values.size();
            values.add(-histogram.gradientSum / (histogram.hessianSum + l2) * learningRate);
            splits.add(new int[] {-1, -1, -1, -1});
            if (depth == maxDepth || end - start < 2 * minLeafRows) {
                return node;
            }
            Split best = histogram.bestSplit();
            if (best == null) {
                return node;
            }
            gains[best.column] += best.gain;
            int middle = partition(sample, start, end, best.column, best.maxLeftBin);
            boolean leftSmaller = middle - start <= end - middle;
            Histogram smaller = leftSmaller ? histogram(sample, start, middle) : histogram(sample, middle, end);
            Histogram larger = histogram.minus(smaller);
            int leftNode = grow(sample, start, middle, leftSmaller ? smaller : larger, depth + 1);
            int rightNode = grow(sample, middle, end, leftSmaller ? larger : smaller, depth + 1);
            splits.set(node, new int[] {best.column, best.maxLeftBin, leftNode, rightNode});
            return node;
        }

        private int partition(int[] sample, int start, int end, int column, int maxLeftBin) {
            byte[] columnBins = bins[column];
            int i = start;
            int j = end - 1;
            while (i <= j) {
                if ((columnBins[sample[i]] & 0xFF) <= maxLeftBin) {
                    i++;
                } else {
                    int swap = sample[i];
                    sample[i] = sample[j];
                    sample[j] = swap;
                    j--;
                }
            }
            return i;
        }

        private Histogram histogram(int[] sample, int start, int end) {
            Histogram histogram = new Histogram(binCounts);
            for (int c = 0; c < bins.length; c++) {
                byte[] columnBins = bins[c];
                double[] g = histogram.gradients[c];
                double[] h = histogram.hessians[c];
                int[] count = histogram.counts[c];
                for (int k = start; k < end; k++) {
                    int row = sample[k];
                    int bin = columnBins[row] & 0xFF;
                    g[bin] += gradient[row];
                    h[bin] += hessian[row];
                    count[bin]++;
                }
            }
            for (int k = start; k < end; k++) {
                histogram.gradientSum += gradient[sample[k]];
                histogram.hessianSum += hessian[sample[k]];
            }
            histogram.rows = end - start;
            return histogram;
        }

        private record Split(int column, int maxLeftBin, double gain) {
        }

        /** Per column and bin: sums of gradients and hessians, and row counts. */
        private final class Histogram {
            final double[][] gradients;
            final double[][] hessians;
            final int[][] counts;
            double gradientSum;
            double hessianSum;
            int rows;

            Histogram(int[] binCounts) {
                gradients = new double[binCounts.length][];
                hessians = new double[binCounts.length][];
                counts = new int[binCounts.length][];
                for (int c = 0; c < binCounts.length; c++) {
                    gradients[c] = new double[binCounts[c]];
                    hessians[c] = new double[binCounts[c]];
                    counts[c] = new int[binCounts[c]];
                }
            }

            /** This histogram less another, in place: the rows of this node that are not in {@code other}. */
            Histogram minus(Histogram other) {
                for (int c = 0; c < gradients.length; c++) {
                    for (int b = 0; b < gradients[c].length; b++) {
                        gradients[c][b] -= other.gradients[c][b];
                        hessians[c][b] -= other.hessians[c][b];
                        counts[c][b] -= other.counts[c][b];
                    }
                }
                gradientSum -= other.gradientSum;
                hessianSum -= other.hessianSum;
                rows -= other.rows;
                return this;
            }

            Split bestSplit() {
                double parentScore = gradientSum * gradientSum / (hessianSum + l2);
                Split best = null;
                for (int c = 0; c < gradients.length; c++) {
                    double leftG = 0;
                    double leftH = 0;
                    int leftRows = 0;
                    for (int b = 0; b < gradients[c].length - 1; b++) {
                        leftG += gradients[c][b];
                        leftH += hessians[c][b];
                        leftRows += counts[c][b];
                        int rightRows = rows - leftRows;
                        if (leftRows < minLeafRows) {
                            continue;
                        }
                        if (rightRows < minLeafRows) {
                            break;
                        }
                        double rightG = gradientSum - leftG;
                        double rightH = hessianSum - leftH;
                        if (leftH < MIN_HESSIAN || rightH < MIN_HESSIAN) {
                            continue;
                        }
                        double gain = leftG * leftG / (leftH + l2) + rightG * rightG / (rightH + l2) - parentScore;
                        if (gain > 1e-9 && (best == null || gain > best.gain)) {
                            best = new Split(c, b, gain);
                        }
                    }
                }
                return best;
            }
        }
    }
}
