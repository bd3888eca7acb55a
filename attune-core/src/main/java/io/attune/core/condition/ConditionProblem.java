package io.attune.core.condition;

/** Why an expression does not compile; line and column are 1-based within the expression. */
public record ConditionProblem(int line, int column, String message) {
}
