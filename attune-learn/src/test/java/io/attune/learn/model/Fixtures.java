package io.attune.learn.model;

import io.attune.learn.column.FeatureColumn;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Synthetic tables with a known answer, for the learners. */
final class Fixtures {
    private Fixtures() {
    }

    /** Labels and columns of one generated table. */
    record Generated(List<FeatureColumn> columns, boolean[] labels) {
        int[] allRows() {
            return IntStream.range(0, labels.length).toArray();
        }
    }

    /**
     * Converts when {@code a} and {@code b} are on the same side of zero (an interaction no linear model can
     * express), plus a category {@code plan} whose "pro" level converts more, and a pure-noise number.
     */
    static Generated interaction(int rows, long seed) {
        Random random = new Random(seed);
        double[] a = new double[rows];
        double[] b = new double[rows];
        double[] noise = new double[rows];
        String[] plan = new String[rows];
        boolean[] labels = new boolean[rows];
        String[] plans = {"free", "pro", "team", null};
        for (int i = 0; i < rows; i++) {
            a[i] = random.nextGaussian();
            b[i] = random.nextGaussian();
            noise[i] = random.nextGaussian();
            plan[i] = plans[random.nextInt(plans.length)];
            double logit = (a[i] * b[i] > 0 ? 2.0 : -2.0) + ("pro".equals(plan[i]) ? 1.0 : 0);
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        return new Generated(List.of(new FeatureColumn.Numeric("a", a, 0), new FeatureColumn.Numeric("b", b, 0),
                new FeatureColumn.Categorical("plan", plan), new FeatureColumn.Numeric("noise", noise, 0)), labels);
    }

    /** Converts more with higher {@code score} (some missing) and on the "referral" source. */
    static Generated linear(int rows, long seed) {
        Random random = new Random(seed);
        double[] score = new double[rows];
        String[] source = new String[rows];
        boolean[] labels = new boolean[rows];
        String[] sources = {"search", "referral", "social"};
        for (int i = 0; i < rows; i++) {
            double value = random.nextGaussian() * 10 + 50;
            score[i] = random.nextInt(20) == 0 ? Double.NaN : value;
            source[i] = sources[random.nextInt(sources.length)];
            double logit = -1 + 0.15 * (value - 50) + ("referral".equals(source[i]) ? 1.5 : 0);
            labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        return new Generated(List.of(new FeatureColumn.Numeric("score", score, 0),
                new FeatureColumn.Categorical("source", source)), labels);
    }
}
