package io.attune.learn.model;

import io.attune.learn.column.FeatureColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient-boosted trees: {@code logit = base + Σ tree leaf values}. Explanations follow each row's
 * path through every tree and credit each split's change in predicted value to the column split on
 * (Saabas' method): they add up to the logit exactly, but unlike Shapley values they depend on the
 * order of the splits, so a column used near the root can be credited with some of the effect of
 * the ones below it.
 */
public record BoostedTrees(TreeBinning binning, double base, List<RegressionTree> trees, double[] gains)
        implements LearnedModel {
    public BoostedTrees {
        trees = List.copyOf(trees);
        if (gains.length != binning.columns().size()) {
            throw new IllegalArgumentException("one gain per input column");
        }
    }

    @Override
    public String kind() {
        return "gbt";
    }

    @Override
    public List<String> inputs() {
        return binning.columns().stream().map(TreeBinning.ColumnBins::column).toList();
    }

    @Override
    public double logit(List<FeatureColumn> columns, int row) {
        int[] bins = bins(columns, row);
        double logit = base;
        for (RegressionTree tree : trees) {
            logit += tree.value()[tree.leaf(bins)];
        }
        return logit;
    }

    @Override
    public Explanation explain(List<FeatureColumn> columns, int row) {
        int[] bins = bins(columns, row);
        double[] contributions = new double[bins.length];
        double baseline = base;
        for (RegressionTree tree : trees) {
            baseline += tree.value()[0];
            tree.attribute(bins, contributions);
        }
        List<Explanation.Contribution> list = new ArrayList<>();
        for (int c = 0; c < bins.length; c++) {
            list.add(new Explanation.Contribution(inputs().get(c), ValueText.of(columns.get(c), row), contributions[c]));
        }
        return new Explanation(baseline, list);
    }

    /** Each input column's share of the total split gain: how much the trees relied on it. */
    public List<Importance> importances() {
        double total = 0;
        for (double gain : gains) {
            total += gain;
        }
        List<Importance> importances = new ArrayList<>();
        for (int c = 0; c < gains.length; c++) {
            importances.add(new Importance(inputs().get(c), total == 0 ? 0 : gains[c] / total));
        }
        importances.sort((a, b) -> Double.compare(b.share(), a.share()));
        return importances;
    }

    /** One column's share of the gain. */
    public record Importance(String column, double share) {
    }

    private int[] bins(List<FeatureColumn> columns, int row) {
        int[] bins = new int[binning.columns().size()];
        for (int c = 0; c < bins.length; c++) {
            bins[c] = binning.columns().get(c).bin(columns.get(c), row);
        }
        return bins;
    }
}
