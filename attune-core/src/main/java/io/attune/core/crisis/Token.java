package io.attune.core.crisis;

/**
 * One normalised word of a screened text and the characters it came from. A contraction expands
 * to several tokens over the same characters ("can't" is "can" and "not").
 */
record Token(String word, int start, int end, Break before) {

    /** What separates a token from the one before it: nothing, a comma-like break, or a sentence end. */
    enum Break { NONE, SOFT, HARD }
}
