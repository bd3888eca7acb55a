package io.attune.core.copy;

import java.util.Arrays;

/** Turns source offsets into lines and columns. */
final class LineIndex {
    private final String source;
    private final int[] lineStarts;

    LineIndex(String source) {
        this.source = source;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    Position at(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        int line = found >= 0 ? found : -found - 2;
        return new Position(line + 1, offset - lineStarts[line] + 1, offset);
    }

    SourceSpan span(int start, int end) {
        return new SourceSpan(at(start), at(end), source.substring(start, end));
    }
}
