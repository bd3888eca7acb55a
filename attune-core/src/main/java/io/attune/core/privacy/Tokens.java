package io.attune.core.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case words the way the health-term dictionary and the page rules read
 * it: at anything not a letter or digit, at camel-case humps ({@code PaidWeeklyTherapy},
 * {@code PTSDTherapy}) and after percent-decoding, so that {@code /therapy-for-anxiety},
 * {@code Detox_Call} and {@code therapy%20for%20anxiety} all yield whole words. Matching is by
 * whole word (with plural endings), which is why "rehab" is never found inside "prehab".
 */
final class Tokens {
    private static final int MAX_DECODE_ROUNDS = 3;

    private Tokens() {
    }

    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String decoded = percentDecoded(text);
        StringBuilder word = new StringBuilder();
        int[] points = decoded.codePoints().toArray();
        for (int i = 0; i < points.length; i++) {
            int c = points[i];
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (word.length() > 0 && hump(points[i - 1], c, i + 1 < points.length ? points[i + 1] : -1)) {
                flush(word, words);
            }
            word.appendCodePoint(Character.toLowerCase(c));
        }
        flush(word, words);
        return words;
    }

    /** Whether {@code words} holds {@code phrase} as consecutive words, each allowing a plural ending. */
    static boolean containsPhrase(List<String> words, List<String> phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        for (int start = 0; start + phrase.size() <= words.size(); start++) {
            if (phraseAt(words, start, phrase)) {
                return true;
            }
        }
        return false;
    }

    static boolean phraseAt(List<String> words, int start, List<String> phrase) {
        for (int j = 0; j < phrase.size(); j++) {
            if (!sameWord(words.get(start + j), phrase.get(j))) {
                return false;
            }
        }
        return true;
    }

    /** {@code token} is {@code word} or one of its plurals (therapists, addictions, therapies). */
    static boolean sameWord(String token, String word) {
        if (token.equals(word)) {
            return true;
        }
        return token.equals(word + "s") || token.equals(word + "es")
                || word.endsWith("y") && token.equals(word.substring(0, word.length() - 1) + "ies");
    }

    /** The singular forms {@code token} may be a plural of, itself first. */
    static List<String> singulars(String token) {
        List<String> forms = new ArrayList<>(4);
        forms.add(token);
        if (token.length() > 3 && token.endsWith("ies")) {
            forms.add(token.substring(0, token.length() - 3) + "y");
        }
        if (token.length() > 2 && token.endsWith("es")) {
            forms.add(token.substring(0, token.length() - 2));
        }
        if (token.length() > 1 && token.endsWith("s")) {
            forms.add(token.substring(0, token.length() - 1));
        }
        return forms;
    }

    /** Decodes {@code %xx} escapes (repeatedly, for double encoding); malformed escapes stay as they are. */
    static String percentDecoded(String text) {
        String current = text;
        for (int round = 0; round < MAX_DECODE_ROUNDS && current.indexOf('%') >= 0; round++) {
            String next = decodeOnce(current);
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    private static String decodeOnce(String text) {
        byte[] out = new byte[text.length() * 4];
        int length = 0;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out[length++] = (byte) (hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 3;
            } else {
                byte[] bytes = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(bytes, 0, out, length, bytes.length);
                length += bytes.length;
                i += Character.charCount(c);
            }
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static boolean hump(int previous, int current, int next) {
        if (!Character.isUpperCase(current)) {
            return false;
        }
        return Character.isLowerCase(previous) || Character.isDigit(previous)
                || Character.isUpperCase(previous) && next != -1 && Character.isLowerCase(next);
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
