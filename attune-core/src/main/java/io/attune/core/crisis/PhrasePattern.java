package io.attune.core.crisis;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled phrase pattern: a sequence of token elements matched left to right with
 * backtracking. A match never runs across a sentence end. Person slots (the {@code @self},
 * {@code @victim} classes and the like) record which tokens they matched, so that the reader can
 * tell "kill myself" from "kill himself".
 */
final class PhrasePattern {
    private final String source;
    private final List<Element> elements;

    PhrasePattern(String source, List<Element> elements) {
        this.source = source;
        this.elements = List.copyOf(elements);
    }

    /** Non-overlapping matches, leftmost first. */
    List<Hit> findAll(Text text) {
        List<Hit> hits = new ArrayList<>();
        int start = 0;
        while (start < text.size()) {
            List<int[]> slots = new ArrayList<>();
            List<int[]> gaps = new ArrayList<>();
            int end = match(text, 0, start, start, slots, gaps);
            if (end > start) {
                hits.add(new Hit(start, end, List.copyOf(slots), List.copyOf(gaps)));
                start = end;
            } else {
                start++;
            }
        }
        return hits;
    }

    @Override
    public String toString() {
        return source;
    }

    private int match(Text text, int index, int pos, int start, List<int[]> slots, List<int[]> gaps) {
        if (index == elements.size()) {
            return pos;
        }
        Element element = elements.get(index);
        if (element instanceof Gap) {
            int max = ((Gap) element).max();
            for (int skipped = 0; skipped <= max; skipped++) {
                int last = pos + skipped - 1;
                if (skipped > 0 && (last >= text.size() || !Lit.mayContinue(text, last, start))) {
                    break;
                }
                int mark = gaps.size();
                if (skipped > 0) {
                    gaps.add(new int[] {pos, pos + skipped});
                }
                int end = match(text, index + 1, pos + skipped, start, slots, gaps);
                if (end >= 0) {
                    return end;
                }
                gaps.subList(mark, gaps.size()).clear();
            }
            return -1;
        }
        if (element instanceof NotNext) {
            for (Seq seq : ((NotNext) element).alternatives()) {
                if (seq.match(text, pos, start) >= 0) {
                    return -1;
                }
            }
            return match(text, index + 1, pos, start, slots, gaps);
        }
        if (element instanceof SentenceStart) {
            boolean starts = pos < text.size() && text.sentenceStartsAt(pos);
            return starts ? match(text, index + 1, pos, start, slots, gaps) : -1;
        }
        Choice choice = (Choice) element;
        for (Seq seq : choice.alternatives()) {
            int next = seq.match(text, pos, start);
            if (next < 0) {
                continue;
            }
            int mark = slots.size();
            if (seq.slot() && next > pos) {
                slots.add(new int[] {pos, next});
            }
            int end = match(text, index + 1, next, start, slots, gaps);
            if (end >= 0) {
                return end;
            }
            slots.subList(mark, slots.size()).clear();
        }
        return choice.optional() ? match(text, index + 1, pos, start, slots, gaps) : -1;
    }

    /**
     * A match over tokens {@code from} (inclusive) to {@code to} (exclusive). {@code slots} are the
     * [from, to) ranges person slots matched, {@code gaps} the ranges {@code ~N} skipped over.
     */
    record Hit(int from, int to, List<int[]> slots, List<int[]> gaps) {
    }

    interface Element {
    }

    /** One of the alternatives, or (if optional) none of them. */
    record Choice(List<Seq> alternatives, boolean optional) implements Element {
    }

    /** Up to {@code max} tokens of anything. */
    record Gap(int max) implements Element {
    }

    /** The next token does not begin any of the alternatives; consumes nothing. */
    record NotNext(List<Seq> alternatives) implements Element {
    }

    /** The match begins a sentence; consumes nothing. */
    record SentenceStart() implements Element {
    }

    /** A sequence of literals, e.g. one alternative of a class such as "a bunch of". */
    record Seq(List<Lit> lits, boolean slot) {
        int match(Text text, int pos, int start) {
            int at = pos;
            for (Lit lit : lits) {
                at = lit.match(text, at, start);
                if (at < 0) {
                    return -1;
                }
            }
            return at;
        }
    }

    /** One token test; returns the position after it, or -1. */
    interface Lit {
        int match(Text text, int pos, int start);

        /** Whether token {@code pos} may be part of a match that began at {@code start}. */
        static boolean mayContinue(Text text, int pos, int start) {
            return pos == start || text.token(pos).before() != Token.Break.HARD;
        }
    }
}
