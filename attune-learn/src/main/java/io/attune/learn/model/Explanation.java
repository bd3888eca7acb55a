package io.attune.learn.model;

import java.util.Comparator;
import java.util.List;

/** Why a row scored as it did: the model's baseline logit and each input column's share of the rest. */
public record Explanation(double baseline, List<Contribution> contributions) {
    public Explanation {
        contributions = contributions.stream()
                .sorted(Comparator.comparingDouble((Contribution c) -> Math.abs(c.logit())).reversed()).toList();
    }

    /** One input column's part of the logit, with the value the row had (as written, or "missing"). */
    public record Contribution(String column, String value, double logit) {
    }

    public double logit() {
        return baseline + contributions.stream().mapToDouble(Contribution::logit).sum();
    }
}
