package io.attune.core.copy;

import java.util.Objects;

/** Where a finding is in the source: {@code start} inclusive, {@code end} exclusive, and the source characters between. */
public record SourceSpan(Position start, Position end, String text) {
    public SourceSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(text, "text");
        if (end.offset() < start.offset() || text.length() != end.offset() - start.offset()) {
            throw new IllegalArgumentException("a span's text must be the characters from start to end");
        }
    }

    boolean overlaps(SourceSpan other) {
        return start.offset() < other.end.offset() && other.start.offset() < end.offset();
    }

    int length() {
        return end.offset() - start.offset();
    }
}
