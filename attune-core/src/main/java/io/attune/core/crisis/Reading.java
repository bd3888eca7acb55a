package io.attune.core.crisis;

import io.attune.core.crisis.PhrasePattern.Hit;
import io.attune.core.crisis.PhrasePattern.Seq;
import java.util.List;
import java.util.Set;

/**
 * What the words around a match say about it: whether it is negated ("I don't want to die"),
 * told in the past ("history of suicide attempt in 2015"), and whose it is ("my son says he wants
 * to die"). All three look within the match's clause or sentence only.
 */
final class Reading {
    private static final int NEGATION_REACH = 5;
    private static final int PERSON_REACH = 12;

    private final Set<String> negators;
    private final Set<String> notNegating;
    private final Set<String> subjects;
    private final Set<String> firstPerson;
    private final Set<String> thirdPerson;
    private final List<Seq> history;
    private final List<Seq> current;
    private final List<Seq> sentenceNegators;

    Reading(Lexicon lexicon) {
        this.negators = lexicon.wordsOf("negator");
        this.notNegating = lexicon.wordsOf("not-negating");
        this.subjects = lexicon.wordsOf("subject");
        this.firstPerson = lexicon.wordsOf("first");
        this.thirdPerson = lexicon.wordsOf("third");
        this.history = lexicon.classNamed("history");
        this.current = lexicon.classNamed("current");
        this.sentenceNegators = lexicon.classNamed("sentence-negator");
    }

    /**
     * A negator shortly before the match in the same clause, with no subject in between, or one the
     * pattern skipped over: "I do not want to die", "I would never hurt myself", "I'm not suicidal" —
     * but not "I don't know why I want to die" and not "I can't stop thinking about killing myself".
     * A clinical denial covers its whole sentence: "Denies SI, HI and self-harm".
     */
    boolean negated(Text text, Hit hit) {
        int sentenceStart = hit.from();
        while (sentenceStart > 0 && !text.sentenceStartsAt(sentenceStart)) {
            sentenceStart--;
        }
        if (occurs(sentenceNegators, text, sentenceStart, hit.from())) {
            return true;
        }
        for (int[] gap : hit.gaps()) {
            for (int i = gap[0]; i < gap[1]; i++) {
                if (negates(text, i)) {
                    return true;
                }
            }
        }
        int from = hit.from();
        int clauseStart = text.clauseStart(from);
        for (int i = from - 1; i >= clauseStart && i >= from - NEGATION_REACH; i--) {
            String word = text.word(i);
            if (subjects.contains(word)) {
                return false;
            }
            if (negates(text, i)) {
                return true;
            }
        }
        return false;
    }

    private boolean negates(Text text, int i) {
        return negators.contains(text.word(i)) && (i + 1 >= text.size() || !notNegating.contains(text.word(i + 1)));
    }

    /** The clause marks the past ("years ago", "used to", "history of") and nothing marks the present. */
    boolean past(Text text, int from, int to) {
        int start = text.clauseStart(from);
        int end = text.clauseEnd(to - 1);
        return occurs(history, text, start, end) && !occurs(current, text, start, end);
    }

    /**
     * Whether the match is about someone other than the writer: the person slot of the pattern
     * ("kill himself", "can't wake her up") decides; failing that the nearest person word before the
     * match in its sentence ("my son says he…"), then one inside it; failing all, the writer.
     */
    boolean thirdPerson(Text text, Hit hit) {
        for (int s = hit.slots().size() - 1; s >= 0; s--) {
            int[] slot = hit.slots().get(s);
            Boolean third = personIn(text, slot[0], slot[1]);
            if (third != null) {
                return third;
            }
        }
        for (int i = hit.from() - 1; i >= 0 && i >= hit.from() - PERSON_REACH && !text.sentenceStartsAt(i + 1); i--) {
            Boolean third = personOf(text.word(i));
            if (third != null) {
                return third;
            }
        }
        for (int i = hit.from(); i < hit.to(); i++) {
            Boolean third = personOf(text.word(i));
            if (third != null) {
                return third;
            }
        }
        return false;
    }

    private Boolean personIn(Text text, int from, int to) {
        boolean first = false;
        for (int i = from; i < to; i++) {
            if (thirdPerson.contains(text.word(i))) {
                return true;
            }
            first |= firstPerson.contains(text.word(i));
        }
        return first ? Boolean.FALSE : null;
    }

    private Boolean personOf(String word) {
        if (thirdPerson.contains(word)) {
            return true;
        }
        return firstPerson.contains(word) ? Boolean.FALSE : null;
    }

    private static boolean occurs(List<Seq> phrases, Text text, int start, int end) {
        for (int pos = start; pos < end; pos++) {
            for (Seq phrase : phrases) {
                int after = phrase.match(text, pos, pos);
                if (after > pos && after <= end) {
                    return true;
                }
            }
        }
        return false;
    }
}
