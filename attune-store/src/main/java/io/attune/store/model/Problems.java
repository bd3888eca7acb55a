package io.attune.store.model;

import io.attune.core.model.InvalidModelException;
import io.attune.core.model.ModelProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every structural problem in one file so that an author can fix them in one pass. */
final class Problems {
    private final String source;
    private final List<ModelProblem> found = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void add(int line, String rule, String message) {
        found.add(new ModelProblem(source, Math.max(1, line), rule, message));
    }

    boolean any() {
        return !found.isEmpty();
    }

    void throwIfAny() throws InvalidModelException {
        if (any()) {
            List<ModelProblem> sorted = new ArrayList<>(found);
            sorted.sort(Comparator.comparingInt(ModelProblem::line));
            throw new InvalidModelException(sorted);
        }
    }
}
