package io.attune.core.crisis;

/** Where a phrase was found in the screened text: character offsets, end exclusive. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a span needs 0 <= start < end, got " + start + ".." + end);
        }
    }

    /** The matched characters of {@code text}, the text this span was found in. */
    public String in(String text) {
        return text.substring(start, end);
    }

    boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
