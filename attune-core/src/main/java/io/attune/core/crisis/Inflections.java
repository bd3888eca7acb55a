package io.attune.core.crisis;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Regular English inflections of a base word ("kill" gives kills, killed, killing; "cut" gives
 * cutting, "die" gives dying). Over-generating is harmless: a non-word never occurs in text.
 */
final class Inflections {
    private static final String VOWELS = "aeiou";

    private Inflections() {
    }

    static Set<String> of(String base) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(base);
        int n = base.length();
        if (n < 2) {
            return forms;
        }
        char last = base.charAt(n - 1);
        boolean consonantY = last == 'y' && !isVowel(base.charAt(n - 2));
        String stem = base.substring(0, n - 1);
        forms.add(base + "s");
        if (base.endsWith("s") || base.endsWith("x") || base.endsWith("z") || base.endsWith("ch")
                || base.endsWith("sh") || base.endsWith("o")) {
            forms.add(base + "es");
        }
        if (consonantY) {
            forms.add(stem + "ies");
            forms.add(stem + "ied");
        }
        forms.add(last == 'e' ? base + "d" : base + "ed");
        if (base.endsWith("ie")) {
            forms.add(base.substring(0, n - 2) + "ying");
        } else if (last == 'e' && !base.endsWith("ee")) {
            forms.add(stem + "ing");
        }
        forms.add(base + "ing");
        if (n >= 3 && !isVowel(last) && "wxy".indexOf(last) < 0 && isVowel(base.charAt(n - 2))
                && !isVowel(base.charAt(n - 3))) {
            forms.add(base + last + "ed");
            forms.add(base + last + "ing");
        }
        return forms;
    }

    private static boolean isVowel(char c) {
        return VOWELS.indexOf(c) >= 0;
    }
}
