package io.attune.learn.table;

import java.util.List;

/**
 * Guesses a CSV's field separator from its first lines: the candidate that splits the header into
 * the most fields and splits the following lines into the same number. Quoted text is skipped, so a
 * comma inside {@code "Smith, Jo"} does not count.
 */
public final class SeparatorGuess {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private SeparatorGuess() {
    }

    public static char of(List<String> firstLines) {
        if (firstLines.isEmpty()) {
            return ',';
        }
        char best = ',';
        int bestFields = 1;
        for (char candidate : CANDIDATES) {
            int fields = fields(firstLines.get(0), candidate);
            boolean consistent = firstLines.stream().skip(1).filter(line -> !line.isBlank())
                    .allMatch(line -> fields(line, candidate) == fields);
            if (consistent && fields > bestFields) {
                best = candidate;
                bestFields = fields;
            }
        }
        return best;
    }

    private static int fields(String line, char separator) {
        int fields = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                fields++;
            }
        }
        return fields;
    }
}
