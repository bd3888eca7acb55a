package io.attune.core.crisis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns free text into tokens: lower case ({@link Locale#ROOT}), accents folded, curly quotes
 * straightened, contractions expanded with or without their apostrophe ("don't", "dont" and "do
 * not" read the same), and texting spellings and common misspellings rewritten from the phrase
 * book's spelling list. Punctuation is kept only as the break before the next token.
 */
final class Tokenizer {
    private static final Set<String> IS_CONTRACTIONS = Set.of(
            "he", "she", "it", "that", "there", "what", "who", "where", "here", "how", "everything", "nothing");

    private final Map<String, List<String>> spellings;

    Tokenizer(Map<String, List<String>> spellings) {
        this.spellings = spellings;
    }

    List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Token.Break pending = Token.Break.HARD;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isWordChar(c)) {
                pending = stronger(pending, breakOf(c));
                i++;
                continue;
            }
            int start = i;
            StringBuilder raw = new StringBuilder();
            while (i < text.length()) {
                char d = text.charAt(i);
                if (isWordChar(d)) {
                    raw.append(fold(d));
                } else if (isApostrophe(d) && i + 1 < text.length() && isWordChar(text.charAt(i + 1))) {
                    raw.append('\'');
                } else {
                    break;
                }
                i++;
            }
            Token.Break before = pending;
            for (String word : expand(raw.toString())) {
                tokens.add(new Token(word, start, i, before));
                before = Token.Break.NONE;
            }
            pending = Token.Break.NONE;
        }
        return tokens;
    }

    private List<String> expand(String raw) {
        List<String> spelled = spellings.get(raw);
        if (spelled != null) {
            return spelled;
        }
        int apostrophe = raw.indexOf('\'');
        if (apostrophe < 0) {
            return List.of(raw);
        }
        if (raw.endsWith("n't")) {
            return withSuffix(negatedStem(raw.substring(0, raw.length() - 3)), "not");
        }
        String stem = raw.substring(0, apostrophe);
        switch (raw.substring(apostrophe)) {
            case "'m":
                return withSuffix(stem, "am");
            case "'re":
                return withSuffix(stem, "are");
            case "'ve":
                return withSuffix(stem, "have");
            case "'ll":
                return withSuffix(stem, "will");
            case "'d":
                return withSuffix(stem, "would");
            case "'s":
                return IS_CONTRACTIONS.contains(stem) ? withSuffix(stem, "is") : plain(stem);
            default:
                return plain(raw.replace("'", ""));
        }
    }

    private static String negatedStem(String stem) {
        switch (stem) {
            case "ca":
                return "can";
            case "wo":
                return "will";
            case "ai":
                return "is";
            case "sha":
                return "shall";
            default:
                return stem;
        }
    }

    private List<String> withSuffix(String stem, String suffix) {
        List<String> words = new ArrayList<>(plain(stem));
        words.add(suffix);
        return words;
    }

    private List<String> plain(String word) {
        return spellings.getOrDefault(word, List.of(word));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '`' || c == '\u00b4' || c == '\u02bc';
    }

    private static char fold(char c) {
        char lower = Character.toLowerCase(c);
        if (lower < 0x80) {
            return lower;
        }
        char base = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD).charAt(0);
        return Character.isLetterOrDigit(base) ? base : lower;
    }

    private static Token.Break breakOf(char c) {
        switch (c) {
            case '.': case '!': case '?': case ';': case ':': case '\n': case '\r': case '\u2026':
                return Token.Break.HARD;
            case ',': case '(': case ')': case '[': case ']': case '{': case '}': case '"': case '\u201c':
            case '\u201d': case '/': case '\\': case '\u2013': case '\u2014': case '\u2022': case '|':
                return Token.Break.SOFT;
            default:
                return Token.Break.NONE;
        }
    }

    private static Token.Break stronger(Token.Break a, Token.Break b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
