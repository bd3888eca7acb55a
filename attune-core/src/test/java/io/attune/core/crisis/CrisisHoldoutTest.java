package io.attune.core.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The detector on texts written after its phrase book was frozen ({@code crisis/holdout.tsv}):
 * the honest estimate of how it does on text it was not tuned on. Never tune the phrase book on
 * these texts; write a new held-out set instead and fold this one into {@code labelled.tsv}.
 */
class CrisisHoldoutTest {
    /**
     * A regression guard set at the measured recall (43/53 = 0.811 when first measured), not a
     * target: the goal of 0.95 is met only on the development set.
     */
    private static final double MEASURED_RECALL_FLOOR = 0.80;

    @Test
    void recall_on_held_out_crisis_texts_does_not_regress() {
        Measurement holdout = Measurement.of(CrisisDetector.standard(), LabelledSet.load("/crisis/holdout.tsv"));

        System.out.println(holdout.report("holdout.tsv"));

        assertThat(holdout.recall()).as("held-out recall; missed:%n%s", String.join("\n", holdout.missedCrisis))
                .isGreaterThanOrEqualTo(MEASURED_RECALL_FLOOR);
        assertThat(holdout.falsePositiveRate()).isLessThanOrEqualTo(0.05);
    }
}
