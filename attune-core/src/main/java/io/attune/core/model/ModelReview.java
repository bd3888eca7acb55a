package io.attune.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who wrote a model version and who approved it, as actors ({@code key:key_…}); both empty for the
 * starter models, which ship approved.
 */
public record ModelReview(Optional<String> author, Optional<String> approvedBy, Optional<Instant> approvedAt) {
    public static final ModelReview NONE = new ModelReview(Optional.empty(), Optional.empty(), Optional.empty());

    public ModelReview {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(approvedAt, "approvedAt");
        if (approvedBy.isPresent() != approvedAt.isPresent()) {
            throw new IllegalArgumentException("an approval has both an approver and a time");
        }
    }

    public static ModelReview authoredBy(String author) {
        return new ModelReview(Optional.of(author), Optional.empty(), Optional.empty());
    }

    public ModelReview approved(String approver, Instant at) {
        return new ModelReview(author, Optional.of(approver), Optional.of(at));
    }
}
