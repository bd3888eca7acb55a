package io.attune.core.condition;

import java.util.List;
import java.util.Optional;

/**
 * A regex of the shape model authors write for paths and sources —
 * {@code ^/conditions/(anxiety|depression)(/|$)}, {@code (?i)^(linkedin|shrm)$} — matched with
 * plain string tests instead of a regex machine, with the same answer as RE2's partial match: some
 * alternative follows the prefix at the start, and then comes what the tail asks for (anything, a
 * slash, the end, or a slash or the end). With {@code (?i)} the pattern must be letters, digits
 * and ASCII punctuation only, and is compared ignoring ASCII case; input characters outside ASCII
 * never equal an ASCII pattern character there, which is also what RE2 decides except for the
 * Kelvin sign and the long s, so input holding those two goes to RE2.
 */
final class AnchoredAlternatives {
    private static final String META = "\\\\.^$|?*+()[]{}";

    private enum Tail { ANYTHING, SLASH, END, SLASH_OR_END }

    private static final String CASE_INSENSITIVE = "(?i)";

    private final String prefix;
    private final List<String> alternatives;
    private final Tail tail;
    private final boolean ignoreCase;

    private AnchoredAlternatives(String prefix, List<String> alternatives, Tail tail, boolean ignoreCase) {
        this.prefix = prefix;
        this.alternatives = alternatives;
        this.tail = tail;
        this.ignoreCase = ignoreCase;
    }

    /** The plain form of {@code regex}, or empty when it has any other shape (RE2 then matches it). */
    static Optional<AnchoredAlternatives> parse(String regex) {
        boolean ignoreCase = regex.startsWith(CASE_INSENSITIVE);
        if (ignoreCase) {
            regex = regex.substring(CASE_INSENSITIVE.length());
        }
        if (!regex.startsWith("^")) {
            return Optional.empty();
        }
        String rest = regex.substring(1);
        Tail tail = Tail.ANYTHING;
        for (String slashOrEnd : List.of("(/|$)", "(?:/|$)")) {
            if (rest.endsWith(slashOrEnd)) {
                tail = Tail.SLASH_OR_END;
                rest = rest.substring(0, rest.length() - slashOrEnd.length());
            }
        }
        if (tail == Tail.ANYTHING && rest.endsWith("$") && !rest.endsWith("\\$")) {
            tail = Tail.END;
            rest = rest.substring(0, rest.length() - 1);
        } else if (tail == Tail.ANYTHING && rest.endsWith("/")) {
            tail = Tail.SLASH;
            rest = rest.substring(0, rest.length() - 1);
        }
        String prefix = rest;
        List<String> alternatives = List.of("");
        if (rest.endsWith(")")) {
            int open = rest.lastIndexOf('(');
            if (open < 0) {
                return Optional.empty();
            }
            String group = rest.substring(open + 1, rest.length() - 1);
            if (group.startsWith("?:")) {
                group = group.substring(2);
            }
            prefix = rest.substring(0, open);
            alternatives = List.of(group.split("\\|", -1));
        }
        if (!plain(prefix) || alternatives.stream().anyMatch(alternative -> !plain(alternative))) {
            return Optional.empty();
        }
        return Optional.of(new AnchoredAlternatives(prefix, alternatives, tail, ignoreCase));
    }

    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (META.indexOf(c) >= 0 || c > 0x7e || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code text} matches; empty when only RE2 can tell (case-insensitive matching of text
     * holding the two non-ASCII characters RE2 folds to ASCII letters).
     */
    Optional<Boolean> test(String text) {
        if (ignoreCase && (text.indexOf('\u212A') >= 0 || text.indexOf('\u017F') >= 0)) {
            return Optional.empty();
        }
        return Optional.of(matches(text));
    }

    private boolean matches(String text) {
        if (!startsWith(text, 0, prefix)) {
            return false;
        }
        for (String alternative : alternatives) {
            if (startsWith(text, prefix.length(), alternative) && tailHolds(text, prefix.length() + alternative.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code part} appears in {@code text} at {@code at}; ignoring case means ASCII case
     * only, as Java's own case-insensitive comparison would also equate Turkish dotted and dotless
     * i with i, which RE2 does not.
     */
    private boolean startsWith(String text, int at, String part) {
        if (!ignoreCase) {
            return text.startsWith(part, at);
        }
        if (text.length() - at < part.length()) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (asciiLower(text.charAt(at + i)) != asciiLower(part.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private boolean tailHolds(String text, int at) {
        return switch (tail) {
            case ANYTHING -> true;
            case SLASH -> at < text.length() && text.charAt(at) == '/';
            case END -> at == text.length();
            case SLASH_OR_END -> at == text.length() || text.charAt(at) == '/';
        };
    }
}
