package io.attune.learn.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.attune.learn.column.FeatureColumn;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LinearEncodingTest {
    @Test
    void a_many_valued_category_keeps_its_most_frequent_levels_and_pools_the_rest() {
        // 2,000 rows: levels c0..c49 with 60, 59, … rows each where possible, then singletons.
        String[] values = new String[2000];
        int row = 0;
        for (int level = 0; level < 50 && row < values.length; level++) {
            for (int k = 0; k < 60 - level && row < values.length; k++) {
                values[row++] = "c" + level;
            }
        }
        while (row < values.length) {
            values[row] = "rare" + row;
            row++;
        }
        FeatureColumn column = new FeatureColumn.Categorical("city", values);
        LinearEncoding encoding = LinearEncoding.fit(List.of(column), IntStream.range(0, 2000).toArray());
        LinearEncoding.OneHot oneHot = (LinearEncoding.OneHot) encoding.columns().get(0);

        assertThat(oneHot.levels()).hasSize(LinearEncoding.MAX_LEVELS).contains("c0", "c29").doesNotContain("c30");
        assertThat(oneHot.hasOther()).isTrue();
        double[] rare = encoding.encode(List.of(column), 1999);
        assertThat(rare[encoding.features().indexOf("city=(other)")]).isEqualTo(1);
        assertThat(rare).containsOnlyOnce(1);
    }

    @Test
    void numbers_are_imputed_with_the_median_flagged_and_standardised() {
        FeatureColumn column = new FeatureColumn.Numeric("visits", new double[] {-1, 0, 1, Double.NaN}, 0);
        LinearEncoding encoding = LinearEncoding.fit(List.of(column), new int[] {0, 1, 2, 3});

        assertThat(encoding.features()).containsExactly("visits", "visits=(missing)");
        // Median of {-1, 0, 1} is 0; imputed values {-1, 0, 1, 0}: mean 0, sd sqrt(0.5).
        assertThat(encoding.encode(List.of(column), 3)).containsExactly(0, 1);
        assertThat(encoding.encode(List.of(column), 2)[0]).isCloseTo(1 / Math.sqrt(0.5), within(1e-12));
    }
}
