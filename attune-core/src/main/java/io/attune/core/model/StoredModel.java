package io.attune.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A model version as a workspace keeps it: the compiled model, its source text, its status (a
 * {@link ModelStatus} wire name) and who wrote and approved it.
 */
public record StoredModel(ScoringModel model, String source, String status, Instant createdAt, ModelReview review) {
    public StoredModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(review, "review");
        if (ModelStatus.fromWireName(status).isEmpty()) {
            throw new IllegalArgumentException("unknown model status " + status);
        }
    }

    /** A version nobody is recorded as having written or approved. */
    public StoredModel(ScoringModel model, String source, String status, Instant createdAt) {
        this(model, source, status, createdAt, ModelReview.NONE);
    }

    public ModelVersion version() {
        return model.version();
    }

    public ModelStatus lifecycle() {
        return ModelStatus.fromWireName(status).orElseThrow();
    }
}
