package io.attune.core.privacy;

import java.util.Objects;

/** One thing wrong with a workspace's classification: the field, as a JSON path such as {@code dictionary[2].property}, and why. */
public record ClassificationProblem(String field, String reason) {
    public ClassificationProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}
