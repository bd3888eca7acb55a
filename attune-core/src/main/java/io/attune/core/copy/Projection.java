package io.attune.core.copy;

import java.util.Arrays;

/**
 * The text content of a source (what a reader sees of Markdown or HTML), where every character
 * remembers the source characters it came from: an entity such as {@code &amp;} is one character
 * of text over five of source. Markup that separates blocks (a heading, a paragraph, a list item)
 * becomes {@link #BLOCK}, which no phrase spans, over no source characters.
 */
final class Projection {
    /** U+2029 PARAGRAPH SEPARATOR: not whitespace to {@code \s}, so a phrase never runs across blocks. */
    static final char BLOCK = '\u2029';

    private final String text;
    private final int[] starts;
    private final int[] ends;

    private Projection(String text, int[] starts, int[] ends) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /** Plain text: every character is itself. */
    static Projection identity(String source) {
        Builder builder = new Builder(source.length());
        for (int i = 0; i < source.length(); i++) {
            builder.add(source.charAt(i), i, i + 1);
        }
        return builder.build();
    }

    String text() {
        return text;
    }

    /** The source offset where the text characters {@code [from, to)} start. */
    int sourceStart(int from) {
        return starts[from];
    }

    /** The source offset just after the text characters {@code [from, to)}. */
    int sourceEnd(int to) {
        return ends[to - 1];
    }

    /** Collects text characters and their source ranges in order. */
    static final class Builder {
        private final StringBuilder text;
        private int[] starts;
        private int[] ends;

        Builder(int capacity) {
            this.text = new StringBuilder(capacity);
            this.starts = new int[Math.max(16, capacity)];
            this.ends = new int[Math.max(16, capacity)];
        }

        /** One character of text made from source characters {@code [start, end)}. */
        void add(char c, int start, int end) {
            if (text.length() == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            starts[text.length()] = start;
            ends[text.length()] = end;
            text.append(c);
        }

        /** Source characters {@code [start, end)} as they are. */
        void addAll(String source, int start, int end) {
            for (int i = start; i < end; i++) {
                add(source.charAt(i), i, i + 1);
            }
        }

        /** A character the markup implies but does not write (a block break, the quotes of {@code <q>}). */
        void addImplied(char c, int at) {
            add(c, at, at);
        }

        /** A block break at source offset {@code at}, unless the text already ends with one. */
        void block(int at) {
            if (text.length() > 0 && text.charAt(text.length() - 1) != BLOCK) {
                addImplied(BLOCK, at);
            }
        }

        Projection build() {
            return new Projection(text.toString(), Arrays.copyOf(starts, text.length()),
                    Arrays.copyOf(ends, text.length()));
        }
    }
}
