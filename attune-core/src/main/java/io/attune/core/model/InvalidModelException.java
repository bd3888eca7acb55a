package io.attune.core.model;

import java.util.List;
import java.util.stream.Collectors;

/** A model that does not check; it carries every problem found, each naming file, line and rule. */
public final class InvalidModelException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ModelProblem> problems;

    public InvalidModelException(List<ModelProblem> problems) {
        super(problems.stream().map(ModelProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
