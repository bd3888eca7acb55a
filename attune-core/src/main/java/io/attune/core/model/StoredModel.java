package io.attune.core.model;

import java.time.Instant;
import java.util.Objects;

/** A model version as a workspace keeps it: the compiled model, its source text and its status. */
public record StoredModel(ScoringModel model, String source, String status, Instant createdAt) {
    public StoredModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public ModelVersion version() {
        return model.version();
    }
}
