package io.attune.core.crisis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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

    /**
     * Non-overlapping matches, leftmost first, tried at the token positions in {@code starts}: all of
     * them, or only those where the pattern's {@link #openings()} accept the token.
     */
    List<Hit> findAll(Text text, BitSet starts) {
        List<Hit> hits = new ArrayList<>();
        int start = starts.nextSetBit(0);
        while (start >= 0 && start < text.size()) {
            List<int[]> slots = new ArrayList<>();
            List<int[]> gaps = new ArrayList<>();
            int end = match(text, 0, start, start, slots, gaps);
            if (end > start) {
                hits.add(new Hit(start, end, List.copyOf(slots), List.copyOf(gaps)));
                start = starts.nextSetBit(end);
            } else {
                start = starts.nextSetBit(start + 1);
            }
        }
        return hits;
    }

    /**
     * The token tests one of which a match's first token must pass, or empty when any token may
     * begin a match (a gap, or a clause end, comes before the first word). Only what consumes a
     * token counts: a sentence start or a "not next" test narrows nothing here, and an optional part
     * adds what may come after it.
     */
    Optional<List<Lit>> openings() {
        List<Lit> lits = new ArrayList<>();
        return openings(0, lits) ? Optional.of(List.copyOf(lits)) : Optional.empty();
    }

    private boolean openings(int index, List<Lit> into) {
        if (index == elements.size()) {
            // nothing consumed: an empty match is never a hit
            return true;
        }
        Element element = elements.get(index);
        if (element instanceof Gap) {
            return false;
        }
        if (element instanceof SentenceStart || element instanceof NotNext) {
            return openings(index + 1, into);
        }
        Choice choice = (Choice) element;
        for (Seq seq : choice.alternatives()) {
            if (seq.lits().isEmpty()) {
                if (!openings(index + 1, into)) {
                    return false;
                }
                continue;
            }
            Lit first = seq.lits().get(0);
            if (first instanceof ClauseEnd) {
                return false;
            }
            into.add(first);
        }
        return !choice.optional() || openings(index + 1, into);
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

    /** A test of one token by its word alone: a number, a year. */
    record WordTest(Predicate<String> accepts) implements Lit {
        @Override
        public int match(Text text, int pos, int start) {
            return pos < text.size() && Lit.mayContinue(text, pos, start) && accepts.test(text.word(pos)) ? pos + 1 : -1;
        }
    }

    /** The end of a clause: punctuation, a clause word or the end of the text. Consumes nothing. */
    record ClauseEnd() implements Lit {
        @Override
        public int match(Text text, int pos, int start) {
            return text.clauseEndsBefore(pos) ? pos : -1;
        }
    }

    /** One token test; returns the position after it, or -1. */
    sealed interface Lit permits Lexicon.Word, WordTest, ClauseEnd {
        int match(Text text, int pos, int start);

        /** Whether token {@code pos} may be part of a match that began at {@code start}. */
        static boolean mayContinue(Text text, int pos, int start) {
            return pos == start || text.token(pos).before() != Token.Break.HARD;
        }
    }
}
