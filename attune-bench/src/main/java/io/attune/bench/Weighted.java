package io.attune.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Picks one of several values with fixed relative weights, from a caller's seeded {@link Random}. */
final class Weighted<T> {
    private final List<T> values;
    private final double[] cumulative;

    private Weighted(List<T> values, double[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    T pick(Random random) {
        double point = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, point);
        return values.get(index >= 0 ? Math.min(index + 1, values.size() - 1) : -index - 1);
    }

    static final class Builder<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder<T> add(double weight, T value) {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("weights must be positive");
            }
            values.add(value);
            weights.add(weight);
            return this;
        }

        Weighted<T> build() {
            double[] cumulative = new double[weights.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += weights.get(i);
                cumulative[i] = sum;
            }
            return new Weighted<>(List.copyOf(values), cumulative);
        }
    }
}
