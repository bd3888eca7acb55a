package io.attune.learn.model;

import io.attune.learn.column.FeatureColumn;
import java.util.List;

/** Fits a model on some rows of a table; the same learner is used for every cross-validation fold. */
public interface Learner {
    String kind();

    LearnedModel fit(List<FeatureColumn> columns, boolean[] labels, int[] rows);
}
