package io.attune.core.condition;

import java.util.List;

/** An expression that does not parse or does not type-check. */
public final class InvalidConditionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ConditionProblem> problems;

    public InvalidConditionException(List<ConditionProblem> problems) {
        super(problems.isEmpty() ? "invalid condition" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<ConditionProblem> problems() {
        return problems;
    }
}
