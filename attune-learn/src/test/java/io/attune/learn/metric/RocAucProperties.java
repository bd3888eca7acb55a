package io.attune.learn.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** AUC depends only on the order of the scores and is symmetric in the outcome. */
class RocAucProperties {
    record Scored(double[] scores, boolean[] labels) {
    }

    @Provide
    Arbitrary<Scored> scored() {
        return Arbitraries.integers().between(2, 60).flatMap(n -> Combinators.combine(
                Arbitraries.doubles().between(-5, 5).ofScale(2).array(double[].class).ofSize(n),
                Arbitraries.of(true, false).array(boolean[].class).ofSize(n))
                .as(Scored::new))
                .filter(s -> hasBoth(s.labels()));
    }

    @Property
    void auc_is_unchanged_by_a_strictly_increasing_transform(@ForAll("scored") Scored s) {
        double[] transformed = new double[s.scores().length];
        for (int i = 0; i < transformed.length; i++) {
            transformed[i] = Math.exp(s.scores()[i]) * 3 + 7;
        }
        assertThat(RocAuc.of(transformed, s.labels())).isCloseTo(RocAuc.of(s.scores(), s.labels()), within(1e-12));
    }

    @Property
    void reversing_the_scores_gives_one_minus_the_auc(@ForAll("scored") Scored s) {
        double[] negated = new double[s.scores().length];
        for (int i = 0; i < negated.length; i++) {
            negated[i] = -s.scores()[i];
        }
        assertThat(RocAuc.of(negated, s.labels())).isCloseTo(1 - RocAuc.of(s.scores(), s.labels()), within(1e-12));
    }

    @Property
    void auc_equals_the_pairwise_count(@ForAll("scored") Scored s) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < s.scores().length; i++) {
            for (int j = 0; j < s.scores().length; j++) {
                if (s.labels()[i] && !s.labels()[j]) {
                    pairs++;
                    wins += s.scores()[i] > s.scores()[j] ? 1 : s.scores()[i] == s.scores()[j] ? 0.5 : 0;
                }
            }
        }
        assertThat(RocAuc.of(s.scores(), s.labels())).isCloseTo(wins / pairs, within(1e-12));
    }

    private static boolean hasBoth(boolean[] labels) {
        boolean positive = false;
        boolean negative = false;
        for (boolean label : labels) {
            positive |= label;
            negative |= !label;
        }
        return positive && negative;
    }
}
