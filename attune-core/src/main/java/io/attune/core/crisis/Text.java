package io.attune.core.crisis;

import java.util.List;
import java.util.Set;

/** A screened text as tokens, with the clause structure that negation and tense are scoped by. */
final class Text {
    private final List<Token> tokens;
    private final Set<String> clauseWords;

    Text(List<Token> tokens, Set<String> clauseWords) {
        this.tokens = List.copyOf(tokens);
        this.clauseWords = clauseWords;
    }

    int size() {
        return tokens.size();
    }

    String word(int index) {
        return tokens.get(index).word();
    }

    Token token(int index) {
        return tokens.get(index);
    }

    /** Whether a sentence starts at {@code index}: the first token, or one after a full stop. */
    boolean sentenceStartsAt(int index) {
        return index == 0 || tokens.get(index).before() == Token.Break.HARD;
    }

    /** Whether a clause ends just before {@code index}: end of text, punctuation, or "and", "but", "so"... */
    boolean clauseEndsBefore(int index) {
        return index >= tokens.size() || tokens.get(index).before() != Token.Break.NONE
                || clauseWords.contains(tokens.get(index).word());
    }

    /** First token of the clause holding {@code index}. */
    int clauseStart(int index) {
        int i = index;
        while (i > 0 && tokens.get(i).before() == Token.Break.NONE && !clauseWords.contains(tokens.get(i - 1).word())) {
            i--;
        }
        return i;
    }

    /** One past the last token of the clause holding {@code index}. */
    int clauseEnd(int index) {
        int i = index + 1;
        while (!clauseEndsBefore(i)) {
            i++;
        }
        return i;
    }

    Span span(int from, int to) {
        return new Span(tokens.get(from).start(), tokens.get(to - 1).end());
    }
}
