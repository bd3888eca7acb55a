package io.attune.learn.train;

import io.attune.learn.threshold.ThresholdGoal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to train on a labelled table.
 *
 * @param label         the label column
 * @param id            a row identifier column, never a feature
 * @param exclude       columns known only after the outcome, reported and never used
 * @param seed          for the split, the folds and the trees
 * @param folds         cross-validation folds on the training part
 * @param heldOutShare  share of rows held out for the reported figures
 * @param goal          what to recommend a threshold for, if anything
 */
public record TrainingOptions(String label, Optional<String> id, List<String> exclude, long seed, int folds,
                              double heldOutShare, Optional<ThresholdGoal> goal) {
    public TrainingOptions {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(id, "id");
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(goal, "goal");
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2");
        }
        if (!(heldOutShare > 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException("the held-out share must be between 0 and 1");
        }
        if (exclude.contains(label)) {
            throw new IllegalArgumentException("the label column cannot also be excluded");
        }
    }

    /** The usual run: 5-fold cross-validation, 30% held out, stratified. */
    public static TrainingOptions of(String label, Optional<String> id, List<String> exclude, long seed,
                                     Optional<ThresholdGoal> goal) {
        return new TrainingOptions(label, id, exclude, seed, 5, 0.3, goal);
    }
}
