package io.attune.core.copy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words around a match say about it, read from the normalised text content: whether a
 * negation or disclaimer governs it ("there is no cure", "we do not guarantee"), whether it is
 * quoted as a phrase ("ads that promise a “cure”"), and which footnote references follow it in
 * its sentence ("clinically proven[^rct-2024]").
 */
final class Surroundings {
    /** How many words before a claim a negation still governs it: "no one can honestly promise a cure". */
    private static final int NEGATION_REACH = 8;
    /** A quotation this short names a phrase; a longer one (a testimonial) is the advertiser's claim too. */
    private static final int MENTION_WORDS = 8;
    private static final Set<String> NEGATORS = Set.of("no", "not", "never", "without", "nobody", "none", "nothing",
            "neither", "nor", "cannot", "cant", "dont", "doesnt", "didnt", "wont", "isnt", "arent", "wasnt",
            "werent", "havent", "hasnt", "shouldnt", "wouldnt", "couldnt", "aint");
    private static final Set<String> CLAUSE_WORDS = Set.of("but", "and", "however", "yet", "although", "though",
            "while", "whereas", "instead", "so");
    /**
     * How far around a match the context is read, in characters: enough for a clause, a sentence
     * and its footnote, and a bound that keeps linting linear in the length of the text.
     */
    private static final int REACH = 400;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)*");
    private static final Pattern FOOTNOTE_DEFINITION = Pattern.compile("\\s*\\[\\^[^\\]]+]:");
    private static final Pattern REFERENCE = Pattern.compile("\\[\\^?(" + SubstantiationId.FORM_REGEX + ")]");

    private final String text;
    private final List<int[]> quotations;

    /** @param text the normalised text content (see {@link CopyLinter}) */
    Surroundings(String text) {
        this.text = text;
        this.quotations = quotations(text);
    }

    boolean negated(int start) {
        int from = clauseStart(start);
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text).region(from, start);
        while (word.find()) {
            words.add(word.group());
        }
        for (int i = words.size() - 1; i >= 0 && i >= words.size() - NEGATION_REACH; i--) {
            String w = words.get(i);
            if (CLAUSE_WORDS.contains(w)) {
                return false;
            }
            if (NEGATORS.contains(w.replace("'", "")) || w.endsWith("n't")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code [start, end)} lies inside a quotation of at most {@value #MENTION_WORDS} words. */
    boolean quotedAsPhrase(int start, int end) {
        // Quotations are in text order and do not nest: only the last one opening before the match can hold it.
        int low = 0;
        int high = quotations.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (quotations.get(middle)[0] < start) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0 || end > quotations.get(found)[1]) {
            return false;
        }
        Matcher word = WORD.matcher(text).region(quotations.get(found)[0], quotations.get(found)[1]);
        int words = 0;
        while (words <= MENTION_WORDS && word.find()) {
            words++;
        }
        return words <= MENTION_WORDS;
    }

    /** The footnote ids cited after {@code end} up to the end of its sentence, and just after that. */
    List<SubstantiationId> references(int end) {
        int sentenceEnd = sentenceEnd(end);
        List<SubstantiationId> ids = new ArrayList<>();
        Matcher reference = REFERENCE.matcher(text).region(end, sentenceEnd);
        while (reference.find()) {
            ids.add(new SubstantiationId(reference.group(1)));
        }
        if (sentenceEnd < text.length() && ".!?".indexOf(text.charAt(sentenceEnd)) >= 0) {
            reference.region(sentenceEnd + 1, text.length());
            while (reference.lookingAt()) {
                ids.add(new SubstantiationId(reference.group(1)));
                reference.region(reference.end(), text.length());
            }
        }
        return ids;
    }

    private int clauseStart(int at) {
        int i = at;
        int limit = Math.max(0, at - REACH);
        while (i > limit) {
            char c = text.charAt(i - 1);
            if (",;:()\u2014|!?.".indexOf(c) >= 0 || c == Projection.BLOCK || c == '\n' && blankLineAround(i - 1)
                    || c == '-' && i >= 2 && text.charAt(i - 2) == ' ') {
                return i;
            }
            i--;
        }
        return limit;
    }

    /**
     * Whether the line break at {@code at} ends a paragraph (a blank line follows or precedes it); a
     * single break is a wrapped line, and "we cannot\nguarantee" is still one clause.
     */
    private boolean blankLineAround(int at) {
        return at + 1 < text.length() && text.charAt(at + 1) == '\n' || at > 0 && text.charAt(at - 1) == '\n'
                || at + 2 < text.length() && text.charAt(at + 1) == '\r' && text.charAt(at + 2) == '\n';
    }

    /** Whether {@code at} is in a footnote's own text ({@code [^id]: Smith et al., 2024}): the source, not a claim. */
    boolean inFootnoteDefinition(int at) {
        int lineStart = at;
        int limit = Math.max(0, at - REACH);
        while (lineStart > limit && text.charAt(lineStart - 1) != '\n'
                && text.charAt(lineStart - 1) != Projection.BLOCK) {
            lineStart--;
        }
        return FOOTNOTE_DEFINITION.matcher(text).region(lineStart, at).lookingAt();
    }

    private int sentenceEnd(int from) {
        int limit = Math.min(text.length(), from + REACH);
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == Projection.BLOCK || c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                return i;
            }
            if (".!?".indexOf(c) >= 0 && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))
                    || text.charAt(i + 1) == '[' || text.charAt(i + 1) == Projection.BLOCK)) {
                return i;
            }
        }
        return limit;
    }

    /**
     * Pairs of quotation marks within a block: straight or curly double quotes, and curly single
     * quotes whose opening mark cannot be an apostrophe. Offsets are of the marks themselves.
     */
    private static List<int[]> quotations(String text) {
        List<int[]> pairs = new ArrayList<>();
        int openDouble = -1;
        int openSingle = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == Projection.BLOCK) {
                openDouble = -1;
                openSingle = -1;
            } else if (c == '"') {
                if (openDouble < 0) {
                    openDouble = i;
                } else {
                    pairs.add(new int[] {openDouble, i});
                    openDouble = -1;
                }
            } else if (c == CopyLinter.OPENING_SINGLE_QUOTE) {
                openSingle = i;
            } else if (c == '\'' && openSingle >= 0
                    && (i + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
                pairs.add(new int[] {openSingle, i});
                openSingle = -1;
            }
        }
        pairs.sort(Comparator.comparingInt(pair -> pair[0]));
        return pairs;
    }
}
