package io.attune.core.crisis;

import io.attune.core.crisis.PhrasePattern.Choice;
import io.attune.core.crisis.PhrasePattern.Element;
import io.attune.core.crisis.PhrasePattern.Gap;
import io.attune.core.crisis.PhrasePattern.Lit;
import io.attune.core.crisis.PhrasePattern.NotNext;
import io.attune.core.crisis.PhrasePattern.Seq;
import io.attune.core.crisis.PhrasePattern.SentenceStart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The vocabulary a phrase book's patterns are written in, and the compiler from pattern text to
 * {@link PhrasePattern}.
 *
 * <p>Pattern syntax, one element per space-separated part: {@code word} (that word, its g-dropped
 * form "killin", and a one-edit misspelling of it when six letters or longer); {@code word+} (also
 * its inflections); {@code a|b|c} (any of them); {@code @name} (any phrase of a class, possibly
 * several words); {@code [a|b]} (optional); {@code ~N} (up to N words of anything);
 * {@code !a|b} (the next word is none of these); {@code ^} (the start of a sentence); {@code $}
 * (the end of a clause: punctuation, "and", "but" or the end of the text); {@code #} (a number);
 * {@code #many} (ten or more); {@code #year} (a year, 1900–2099).
 */
final class Lexicon {
    private static final Pattern WORD = Pattern.compile("[a-z0-9']+");
    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "dozen");

    private static final Set<String> MANY_WORDS = Set.of("twelve", "fifteen", "twenty", "thirty", "forty", "fifty",
            "hundred", "dozen", "dozens");

    private final Map<String, Set<String>> irregular = new HashMap<>();
    // Listed real words and every word the book itself uses: neither is ever read as a misspelling
    // of another ("overdoses" is not a slip for "overdosed").
    private final Set<String> realWords = new HashSet<>();
    private final Map<String, List<Seq>> classes = new HashMap<>();

    void addForms(String base, List<String> forms) {
        irregular.computeIfAbsent(requireWord(base), key -> new LinkedHashSet<>()).addAll(forms);
    }

    void addRealWords(List<String> words) {
        words.forEach(word -> realWords.add(requireWord(word)));
    }

    void defineClass(String name, List<String> alternatives, boolean slot) {
        if (classes.containsKey(name)) {
            throw new IllegalArgumentException("class @" + name + " is defined twice");
        }
        List<Seq> seqs = new ArrayList<>();
        for (String alternative : alternatives) {
            List<List<Lit>> expansions = List.of(List.of());
            for (String part : alternative.trim().split("\\s+")) {
                List<List<Lit>> next = new ArrayList<>();
                for (List<Lit> prefix : expansions) {
                    for (Seq piece : alternatives(part, false)) {
                        List<Lit> joined = new ArrayList<>(prefix);
                        joined.addAll(piece.lits());
                        next.add(joined);
                    }
                }
                expansions = next;
            }
            expansions.forEach(lits -> seqs.add(new Seq(List.copyOf(lits), slot)));
        }
        classes.put(name, List.copyOf(seqs));
    }

    boolean hasClass(String name) {
        return classes.containsKey(name);
    }

    List<Seq> classNamed(String name) {
        List<Seq> seqs = classes.get(name);
        if (seqs == null) {
            throw new IllegalArgumentException("unknown class @" + name);
        }
        return seqs;
    }

    /** The one-word phrases of a class, for membership tests such as "is this a negator". */
    Set<String> wordsOf(String name) {
        Set<String> words = new HashSet<>();
        for (Seq seq : classNamed(name)) {
            if (seq.lits().size() == 1 && seq.lits().get(0) instanceof Word) {
                words.addAll(((Word) seq.lits().get(0)).forms);
            }
        }
        return words;
    }

    PhrasePattern compile(String source) {
        List<Element> elements = new ArrayList<>();
        for (String part : source.trim().split("\\s+")) {
            elements.add(element(part));
        }
        if (elements.isEmpty() || elements.get(0) instanceof Gap || elements.get(0) instanceof NotNext) {
            throw new IllegalArgumentException("a pattern must begin with a word, a class or ^");
        }
        return new PhrasePattern(source.trim(), elements);
    }

    private Element element(String part) {
        if (part.startsWith("~")) {
            int max;
            try {
                max = Integer.parseInt(part.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a gap is ~1 to ~6, got '" + part + "'");
            }
            if (max < 1 || max > 6) {
                throw new IllegalArgumentException("a gap is ~1 to ~6, got '" + part + "'");
            }
            return new Gap(max);
        }
        if (part.equals("^")) {
            return new SentenceStart();
        }
        if (part.startsWith("!")) {
            return new NotNext(alternatives(part.substring(1), false));
        }
        if (part.startsWith("[") && part.endsWith("]")) {
            return new Choice(alternatives(part.substring(1, part.length() - 1), false), true);
        }
        return new Choice(alternatives(part, false), false);
    }

    private List<Seq> alternatives(String spec, boolean slot) {
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("empty alternative");
        }
        List<Seq> seqs = new ArrayList<>();
        for (String alternative : spec.split("\\|", -1)) {
            if (alternative.startsWith("@")) {
                seqs.addAll(classNamed(alternative.substring(1)));
            } else {
                seqs.add(new Seq(List.of(lit(alternative)), slot));
            }
        }
        return seqs;
    }

    private Lit lit(String text) {
        switch (text) {
            case "$":
                return new PhrasePattern.ClauseEnd();
            case "#":
                return new PhrasePattern.WordTest(Lexicon::isNumber);
            case "#many":
                return new PhrasePattern.WordTest(Lexicon::isMany);
            case "#year":
                return new PhrasePattern.WordTest(Lexicon::isYear);
            default:
                boolean inflected = text.endsWith("+");
                String base = requireWord(inflected ? text.substring(0, text.length() - 1) : text);
                Set<String> forms = new LinkedHashSet<>();
                forms.add(base);
                if (inflected) {
                    forms.addAll(Inflections.of(base));
                    forms.addAll(irregular.getOrDefault(base, Set.of()));
                }
                realWords.addAll(forms);
                return new Word(forms, realWords);
        }
    }

    private static String requireWord(String word) {
        if (!WORD.matcher(word).matches()) {
            throw new IllegalArgumentException(
                    "'" + word + "' is not a lower-case word (letters, digits, apostrophes)");
        }
        return word;
    }

    private static boolean isNumber(String word) {
        return NUMBER_WORDS.contains(word) || !word.isEmpty() && word.chars().allMatch(Character::isDigit);
    }

    private static boolean isMany(String word) {
        if (MANY_WORDS.contains(word)) {
            return true;
        }
        return isNumber(word) && !NUMBER_WORDS.contains(word) && (word.length() > 2 || Integer.parseInt(word) >= 10);
    }

    private static boolean isYear(String word) {
        return word.length() == 4 && (word.startsWith("19") || word.startsWith("20"))
                && word.chars().allMatch(Character::isDigit);
    }

    /**
     * A word and its forms. Besides the forms themselves it accepts the g-dropped "-in" spelling and,
     * for words of six letters or more, one typing slip (a letter missing, added, changed or two
     * swapped, the first letter right) unless the token is a real word: listed as one in the phrase
     * book, or used anywhere in it.
     */
    static final class Word implements Lit {
        private static final int FUZZY_LENGTH = 6;
        private final Set<String> forms;
        private final List<String> fuzzyForms;
        private final Set<String> realWords;

        Word(Set<String> forms, Set<String> realWords) {
            this.forms = Set.copyOf(forms);
            this.fuzzyForms = forms.stream().filter(form -> form.length() >= FUZZY_LENGTH).toList();
            this.realWords = realWords;
        }

        @Override
        public int match(Text text, int pos, int start) {
            return pos < text.size() && Lit.mayContinue(text, pos, start) && accepts(text.word(pos)) ? pos + 1 : -1;
        }

        boolean accepts(String word) {
            for (String key : exactKeys(word)) {
                if (forms.contains(key)) {
                    return true;
                }
            }
            if (!maySlip(word)) {
                return false;
            }
            for (String form : fuzzyForms) {
                if (isSlipFor(word, form)) {
                    return true;
                }
            }
            return false;
        }

        /** The forms that accept {@code word} as they are: itself and, for "killin", "killing". */
        static List<String> exactKeys(String word) {
            return word.endsWith("in") ? List.of(word, word + "g") : List.of(word);
        }

        Set<String> forms() {
            return forms;
        }

        /** The forms a typing slip may stand for. */
        List<String> fuzzyForms() {
            return fuzzyForms;
        }

        /** Whether {@code word} may be read as a slip at all: long enough and not a real word. */
        boolean maySlip(String word) {
            return word.length() >= FUZZY_LENGTH && !realWords.contains(word);
        }

        static boolean isSlipFor(String word, String form) {
            return form.charAt(0) == word.charAt(0) && Edits.withinOne(form, word);
        }
    }

    /** Optimal-string-alignment distance of at most one. */
    static final class Edits {
        private Edits() {
        }

        static boolean withinOne(String a, String b) {
            if (a.equals(b)) {
                return true;
            }
            if (Math.abs(a.length() - b.length()) > 1) {
                return false;
            }
            if (a.length() == b.length()) {
                int i = firstDifference(a, b);
                if (a.substring(i + 1).equals(b.substring(i + 1))) {
                    return true;
                }
                return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                        && a.substring(i + 2).equals(b.substring(i + 2));
            }
            String longer = a.length() > b.length() ? a : b;
            String shorter = longer == a ? b : a;
            int i = firstDifference(longer, shorter);
            return longer.substring(i + 1).equals(shorter.substring(i));
        }

        private static int firstDifference(String a, String b) {
            int i = 0;
            while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return i;
        }
    }
}
