package io.attune.core.model;

/** One reason a model does not load, located in its source file: {@code employer.yaml:42: rule pricing_page: …}. */
public record ModelProblem(String source, int line, String rule, String message) {
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source).append(':').append(line).append(": ");
        if (rule != null && !rule.isEmpty()) {
            text.append("rule ").append(rule).append(": ");
        }
        return text.append(message).toString();
    }
}
