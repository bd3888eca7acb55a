package io.attune.learn.drift;

import java.util.Arrays;

/**
 * Score bands cut at a reference sample's deciles, so that each band held about a tenth of the
 * reference. Tied scores (common with points: many leads sit at 0) collapse equal cut points into
 * one, so there may be fewer than ten bands; a score equal to a cut point falls in the band above it.
 */
public record ScoreBands(double[] cuts) {

    public ScoreBands {
        cuts = cuts.clone();
        for (int i = 1; i < cuts.length; i++) {
            if (!(cuts[i] > cuts[i - 1])) {
                throw new IllegalArgumentException("cut points must be strictly increasing");
            }
        }
    }

    /** Cut points at positions n·j/10 (j = 1…9) of the sorted reference scores, duplicates dropped. */
    public static ScoreBands decilesOf(double[] reference) {
        if (reference.length == 0) {
            throw new IllegalArgumentException("need at least one reference score");
        }
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[9];
        int distinct = 0;
        for (int j = 1; j <= 9; j++) {
            double cut = sorted[(int) ((long) sorted.length * j / 10)];
            if (distinct == 0 || cut > cuts[distinct - 1]) {
                cuts[distinct++] = cut;
            }
        }
        return new ScoreBands(Arrays.copyOf(cuts, distinct));
    }

    public int count() {
        return cuts.length + 1;
    }

    /** The band a score falls in: how many cut points are at or below it. */
    public int of(double score) {
        int band = 0;
        while (band < cuts.length && cuts[band] <= score) {
            band++;
        }
        return band;
    }

    /** Each band's share of the scores. */
    public double[] shares(double[] scores) {
        double[] shares = new double[count()];
        for (double score : scores) {
            shares[of(score)] += 1.0 / scores.length;
        }
        return shares;
    }

    @Override
    public double[] cuts() {
        return cuts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoreBands bands && Arrays.equals(cuts, bands.cuts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cuts);
    }

    @Override
    public String toString() {
        return "ScoreBands" + Arrays.toString(cuts);
    }
}
