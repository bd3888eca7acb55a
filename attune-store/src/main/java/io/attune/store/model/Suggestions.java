package io.attune.store.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the key an author probably meant, so a typo gets "did you mean" rather than a bare list. */
final class Suggestions {
    private Suggestions() {
    }

    static Optional<String> closest(String unknown, Collection<String> known) {
        String wanted = normalized(unknown);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            String normal = normalized(candidate);
            // fit_min, FitMin and fit-min all mean fitMin: spelling conventions are not typos.
            int distance = normal.equals(wanted) ? 0 : distance(wanted, normal);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Short keys tolerate one slip, longer ones two; beyond that a suggestion is a guess.
        int tolerance = wanted.length() <= 4 ? 1 : 2;
        return bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    private static String normalized(String key) {
        return key.replace("_", "").replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance with adjacent transpositions (optimal string alignment). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
