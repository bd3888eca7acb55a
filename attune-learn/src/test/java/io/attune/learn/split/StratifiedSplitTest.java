package io.attune.learn.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
    private static final boolean[] LABELS = labels(1000, 7);

    @Test
    void the_held_out_part_keeps_the_share_of_conversions() {
        StratifiedSplit.Holdout holdout = StratifiedSplit.holdOut(LABELS, 0.3, 42);

        assertThat(holdout.heldOut()).hasSize(300);
        assertThat(holdout.training()).hasSize(700);
        // 143 positives (every 7th row): round(143 × 0.3) = 43 held out.
        assertThat(positives(holdout.heldOut())).isEqualTo(43);
        assertThat(IntStream.concat(Arrays.stream(holdout.training()), Arrays.stream(holdout.heldOut())).sorted())
                .containsExactly(IntStream.range(0, 1000).boxed().toArray(Integer[]::new));
    }

    @Test
    void the_same_seed_gives_the_same_split_and_another_seed_another() {
        assertThat(StratifiedSplit.holdOut(LABELS, 0.3, 1).heldOut()).isEqualTo(StratifiedSplit.holdOut(LABELS, 0.3, 1).heldOut());
        assertThat(StratifiedSplit.holdOut(LABELS, 0.3, 1).heldOut()).isNotEqualTo(StratifiedSplit.holdOut(LABELS, 0.3, 2).heldOut());
    }

    @Test
    void folds_are_disjoint_cover_the_rows_and_share_the_positives_evenly() {
        int[] rows = StratifiedSplit.holdOut(LABELS, 0.3, 42).training();
        List<int[]> folds = StratifiedSplit.folds(LABELS, rows, 5, 42);

        assertThat(folds).hasSize(5);
        assertThat(folds.stream().flatMapToInt(Arrays::stream).sorted().toArray()).isEqualTo(rows);
        int totalPositives = positives(rows);
        for (int[] fold : folds) {
            assertThat(positives(fold)).isBetween(totalPositives / 5, totalPositives / 5 + 1);
            assertThat(StratifiedSplit.complement(rows, fold)).hasSize(rows.length - fold.length).doesNotContain(fold);
        }
    }

    private static int positives(int[] rows) {
        return (int) Arrays.stream(rows).filter(row -> LABELS[row]).count();
    }

    private static boolean[] labels(int count, int every) {
        boolean[] labels = new boolean[count];
        for (int i = 0; i < count; i += every) {
            labels[i] = true;
        }
        return labels;
    }
}
